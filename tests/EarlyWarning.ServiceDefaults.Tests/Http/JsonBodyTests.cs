using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Xunit;

namespace EarlyWarning.ServiceDefaults.Tests.Http;

public sealed class JsonBodyTests
{
    internal sealed record Message(string Name, int? Count, DateTimeOffset At, IReadOnlyList<string> Tags, Part? Part);

    internal sealed record Part(long Size, double? Weight, IReadOnlyList<Part>? Parts);

    private static (Message? Value, IReadOnlyList<FieldError> Errors) Bind(string json, string prefix = "")
    {
        using var document = JsonDocument.Parse(json);
        return JsonBody.Bind<Message>(document.RootElement, prefix);
    }

    private static string ErrorOf(IReadOnlyList<FieldError> errors, string field) => Assert.Single(errors, e => e.Field == field).Message;

    [Fact]
    public void a_fitting_object_binds_without_errors()
    {
        var (message, errors) = Bind("""{"name":"a","count":2,"at":"2026-01-31T05:40:00+05:00","tags":["x"],"part":{"size":3}}""");
        Assert.Empty(errors);
        Assert.Equal(new Part(3, null, null), message!.Part);
    }

    [Theory]
    [InlineData("name", "5", "must be a string.")]
    [InlineData("count", "\"two\"", "must be a whole number (without quotes).")]
    [InlineData("at", "\"yesterday\"", "must be an ISO 8601 time with its offset, e.g. 2026-01-31T05:40:00+05:00.")]
    [InlineData("tags", "\"x\"", "must be an array of strings.")]
    public void a_wrong_typed_top_level_field_is_explained_by_its_property_type(string field, string value, string explanation)
    {
        var node = JsonNode.Parse("""{"name":"a","at":"2026-01-31T05:40:00+05:00","tags":[]}""")!.AsObject();
        node[field] = JsonNode.Parse(value);
        var (_, errors) = Bind(node.ToJsonString());
        Assert.Equal(explanation, Assert.Single(errors, e => e.Field == field).Message);
    }

    [Fact]
    public void a_wrong_typed_nested_field_is_explained_by_the_type_its_path_leads_to()
    {
        var (_, errors) = Bind("""
            {"name":"a","at":"2026-01-31T05:40:00+05:00","tags":["x", 7],
             "part":{"size":"big","weight":"heavy","parts":[{"size":1},{"size":true}]}}
            """);
        Assert.Equal("must be a string.", ErrorOf(errors, "tags[1]"));
        Assert.Equal("must be a whole number (without quotes).", ErrorOf(errors, "part.size"));
        Assert.Equal("must be a number (without quotes).", ErrorOf(errors, "part.weight"));
        Assert.Equal("must be a whole number (without quotes).", ErrorOf(errors, "part.parts[1].size"));
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void a_path_the_types_cannot_follow_falls_back_to_the_serializers_message()
    {
        var (_, errors) = Bind("""{"name":"a","at":"2026-01-31T05:40:00+05:00","tags":[],"part":5}""");
        Assert.Equal("has the wrong type for this field.", ErrorOf(errors, "part"));
    }

    [Fact]
    public void an_unknown_field_is_named_with_its_path()
    {
        var (_, errors) = Bind("""{"name":"a","at":"2026-01-31T05:40:00+05:00","tags":[],"naem":"b","part":{"size":1,"colour":"red"}}""");
        Assert.Equal("is not a field of this message; check its spelling.", ErrorOf(errors, "naem"));
        Assert.Equal("is not a field of this message; check its spelling.", ErrorOf(errors, "part.colour"));
    }

    [Fact]
    public void a_prefix_places_errors_inside_a_batch_item()
    {
        var (_, errors) = Bind("""{"name":1,"at":"2026-01-31T05:40:00+05:00","tags":[]}""", "[3]");
        Assert.Equal("must be a string.", ErrorOf(errors, "[3].name"));

        using var document = JsonDocument.Parse("[]");
        var (message, notObject) = JsonBody.Bind<Message>(document.RootElement, "[3]");
        Assert.Null(message);
        Assert.Equal("must be a JSON object, not an array.", ErrorOf(notObject, "[3]"));
    }

    [Theory]
    [InlineData("a.b", "a", true)]
    [InlineData("a[2]", "a", true)]
    [InlineData("a", "a.b", true)]
    [InlineData("a", "a", true)]
    [InlineData("ab", "a", false)]
    public void overlaps_is_the_same_field_or_one_inside_the_other(string error, string field, bool overlaps) =>
        Assert.Equal(overlaps, JsonBody.Overlaps(error, field));

    private static DefaultHttpContext Request(string body, string contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.ContentType = contentType;
        return context;
    }

    [Theory]
    [InlineData(64 * 1024, null, "At most 64 KiB are accepted in one request.")]
    [InlineData(8 * 1024 * 1024, "send large batches in parts", "At most 8 MiB are accepted in one request; send large batches in parts.")]
    public async Task a_body_over_the_callers_limit_is_refused_with_413(long maxBytes, string? advice, string detail)
    {
        var (document, problem) = await JsonBody.ReadAsync(Request(new string(' ', (int)maxBytes + 1)), maxBytes, advice);
        Assert.Null(document);
        var result = Assert.IsType<ProblemHttpResult>(problem);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, result.StatusCode);
        Assert.Equal(detail, result.ProblemDetails.Detail);
    }

    [Fact]
    public async Task a_body_within_the_limit_is_read()
    {
        var (document, problem) = await JsonBody.ReadAsync(Request("""{"name":"a"}"""), 64);
        using (document)
        {
            Assert.Null(problem);
            Assert.Equal("a", document!.RootElement.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task invalid_json_is_answered_with_its_line_and_byte()
    {
        var (_, problem) = await JsonBody.ReadAsync(Request("{\n  \"name\": }"), 1024);
        var result = Assert.IsType<ProblemHttpResult>(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, result.StatusCode);
        Assert.StartsWith("Invalid JSON at line 2, byte 11:", result.ProblemDetails.Detail, StringComparison.Ordinal);
    }
}
