using System.Text;
using Xunit;

namespace EarlyWarning.EventStore.Tests;

public sealed class MetadataCodecTests
{
    [Fact]
    public void metadata_is_stored_with_stable_names_and_without_absent_fields()
    {
        var json = Encoding.UTF8.GetString(MetadataCodec.Encode(new EventMetadata { CorrelationId = "c1", TraceParent = "00-ab-cd-01" }));
        Assert.Equal("{\"correlationId\":\"c1\",\"traceparent\":\"00-ab-cd-01\",\"schemaVersion\":1}", json);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void unreadable_stored_metadata_reads_as_empty_instead_of_failing_the_reader(string stored) =>
        Assert.Equal(EventMetadata.Empty, MetadataCodec.Decode(Encoding.UTF8.GetBytes(stored)));

    [Fact]
    public void fields_written_by_a_newer_writer_are_ignored()
    {
        var decoded = MetadataCodec.Decode("{\"source\":\"feed\",\"tenant\":\"x\"}"u8);
        Assert.Equal("feed", decoded.Source);
    }
}
