using Microsoft.Extensions.Configuration;
using Xunit;

namespace EarlyWarning.ServiceDefaults.Tests;

public sealed class EventStoreConfigurationTests
{
    private static EventStoreConfiguration From(params (string Key, string? Value)[] settings) =>
        EventStoreConfiguration.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void nothing_configured_means_the_embedded_sqlite_file_under_data()
    {
        var configuration = From();
        Assert.Equal("sqlite", configuration.Adapter);
        Assert.Equal("data/earlywarning.db", configuration.SqlitePath);
    }

    [Fact]
    public void postgres_takes_its_connection_string_and_schema()
    {
        var configuration = From(("EventStore:Adapter", "Postgres"), ("ConnectionStrings:EventStore", "Host=db"), ("EventStore:Postgres:Schema", "ew"));
        Assert.Equal("postgres", configuration.Adapter);
        Assert.Equal("Host=db", configuration.PostgresConnectionString);
        Assert.Equal("ew", configuration.PostgresSchema);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void postgres_without_a_connection_string_says_how_to_give_one(string? connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => From(("EventStore:Adapter", "postgres"), ("ConnectionStrings:EventStore", connectionString)));
        Assert.Contains("ConnectionStrings__EventStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_unknown_adapter_is_named_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => From(("EventStore:Adapter", "kurrentdb")));
        Assert.Contains("'kurrentdb'", error.Message, StringComparison.Ordinal);
    }
}
