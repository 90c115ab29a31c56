using System.Text.Json;

namespace EarlyWarning.Sources.Scenario;

/// <summary>A scenario file's top level as it is read, before validation.</summary>
internal sealed record ScenarioDocument(
    string? Title,
    bool? Illustrative,
    string? Notice,
    ScenarioSources? Sources,
    DateTimeOffset? LiveFrom,
    IReadOnlyList<JsonElement>? Messages);

/// <summary>One element of <c>messages</c> as it is read; its <c>message</c> is read by kind afterwards.</summary>
internal sealed record EntryDocument(DateTimeOffset? PublishAt, string? Kind, string? Incident, JsonElement? Message);
