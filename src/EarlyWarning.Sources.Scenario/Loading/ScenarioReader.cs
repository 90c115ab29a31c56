using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Sources.Scenario;

/// <summary>
/// Reads a scenario file into <see cref="ScenarioFile"/>: the messages are the contract records in
/// System.Text.Json's web shape (camelCase), read with the web defaults made strict, so that a misspelled
/// member or a null where the contract has none is an error rather than a silently different message.
/// </summary>
internal static partial class ScenarioReader
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static ScenarioFile Read(Stream json, string name)
    {
        ScenarioDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ScenarioDocument>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new ScenarioFileException(name, null, Describe(ex, ""), ex);
        }
        if (document is null)
            throw new ScenarioFileException(name, null, "the file is null; it must be an object with liveFrom and messages");
        if (document.LiveFrom is not { } liveFrom)
            throw new ScenarioFileException(name, null, "liveFrom is missing: the scenario time live play starts from (ISO 8601 with offset)");
        if (document.Messages is not { Count: > 0 } elements)
            throw new ScenarioFileException(name, null, "messages is missing or empty");

        var validator = new ScenarioValidator();
        var messages = new List<ScenarioEntry>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var entry = ReadEntry(elements[i], i, name);
            var problem = validator.Check(entry);
            if (problem is not null)
                throw new ScenarioFileException(name, i, problem);
            messages.Add(entry);
        }
        return new ScenarioFile(name, document.Title, document.Illustrative ?? false, document.Notice, document.Sources, liveFrom, messages);
    }

    private static ScenarioEntry ReadEntry(JsonElement element, int index, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new ScenarioFileException(name, index, $"is {Article(element.ValueKind)}, not an object with publishAt, kind and message");
        EntryDocument? entry;
        try
        {
            entry = element.Deserialize<EntryDocument>(Options);
        }
        catch (JsonException ex)
        {
            throw new ScenarioFileException(name, index, Describe(ex, ""), ex);
        }
        if (entry?.PublishAt is not { } publishAt)
            throw new ScenarioFileException(name, index, "publishAt is missing");
        if (entry.Message is not { ValueKind: JsonValueKind.Object } message)
            throw new ScenarioFileException(name, index, "message is missing or not an object");
        try
        {
            return entry.Kind switch
            {
                ScenarioEntryKinds.Reported => new ReportEntry(index, publishAt, entry.Incident, Deserialize<IncidentReported>(message)),
                ScenarioEntryKinds.Corrected => new CorrectionEntry(index, publishAt, entry.Incident, Deserialize<IncidentCorrected>(message)),
                ScenarioEntryKinds.Retracted => new RetractionEntry(index, publishAt, entry.Incident, Deserialize<IncidentRetracted>(message)),
                null => throw new ScenarioFileException(name, index, "kind is missing: it must be reported, corrected or retracted"),
                var other => throw new ScenarioFileException(name, index, $"kind '{other}' is not reported, corrected or retracted"),
            };
        }
        catch (JsonException ex)
        {
            throw new ScenarioFileException(name, index, Describe(ex, "message"), ex);
        }
    }

    private static T Deserialize<T>(JsonElement message) =>
        message.Deserialize<T>(Options) ?? throw new JsonException("The message is null.");

    /// <summary>The serializer's complaint in the file's own terms: the member's path and what is wrong with it.</summary>
    internal static string Describe(JsonException ex, string prefix)
    {
        // The reader's own errors (bad syntax) come wrapped; their position is the useful part.
        if (ex.InnerException is JsonException syntax)
            return $"not valid JSON (line {ex.LineNumber + 1}): {Trim(syntax.Message, " LineNumber:")}";

        var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
        var where = string.Join('.', new[] { prefix, path }.Where(p => p.Length > 0));
        var text = Trim(ex.Message, " Path:");

        if (UnmappedMember().Match(text) is { Success: true } unmapped)
        {
            var member = unmapped.Groups[1].Value;
            var parent = where == member ? "" : where.EndsWith("." + member, StringComparison.Ordinal) ? where[..^(member.Length + 1)] : where;
            return $"unknown member '{member}'{(parent.Length == 0 ? "" : $" in {parent}")}";
        }
        if (text.Contains("doesn't allow null", StringComparison.Ordinal))
            return $"{(where.Length == 0 ? "a value" : where)} must not be null";
        if (text.Contains("could not be converted", StringComparison.Ordinal))
            return $"{(where.Length == 0 ? "the value" : where)} is not {Expected(ex.InnerException?.Message + " " + text)}";
        return where.Length == 0 ? text : $"{where}: {text}";
    }

    private static string Trim(string message, string from)
    {
        var cut = message.IndexOf(from, StringComparison.Ordinal);
        return cut >= 0 ? message[..cut].TrimEnd() : message;
    }

    private static string Expected(string complaint) => complaint switch
    {
        _ when complaint.Contains("DateTimeOffset", StringComparison.Ordinal) => "an ISO 8601 time with its offset, e.g. 2026-01-31T02:05:00+05:00",
        _ when complaint.Contains("Int32", StringComparison.Ordinal) => "a whole number",
        _ when complaint.Contains("Double", StringComparison.Ordinal) => "a number",
        _ when complaint.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when complaint.Contains("List", StringComparison.Ordinal) => "an array",
        _ when complaint.Contains("String", StringComparison.Ordinal) => "a string",
        _ => "an object of the expected shape",
    };

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

}
