using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Reports;

/// <summary>
/// A source's report of one security incident, as published on the bus or posted to <c>/api/incidents</c>.
/// The fields follow ACLED's event model. Ingest validates it, places it in the gazetteer and records it once
/// per (<see cref="SourceId"/>, <see cref="ReportId"/>), as a new incident or as corroboration of one already known.
/// </summary>
/// <param name="SourceId">
/// Who reports: a stable id of the source service or agency, lower case, e.g. <c>police-quetta</c>, <c>acled</c>
/// (1–64 characters of <c>a–z 0–9 . _ -</c>).
/// </param>
/// <param name="ReportId">
/// The source's own id for this report (1–128 printable characters, no spaces). With <paramref name="SourceId"/> it is
/// the idempotency key: a report sent again, by the bus or over HTTP, is recorded once.
/// </param>
/// <param name="Reliability">NATO Admiralty source reliability, <c>A</c> (completely reliable) to <c>F</c> (cannot be judged); see <see cref="Vocabulary.SourceReliability"/>.</param>
/// <param name="Credibility">NATO Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged); see <see cref="Vocabulary.InformationCredibility"/>.</param>
/// <param name="ReportedAt">When the source reported, with its offset from UTC.</param>
/// <param name="OccurredAt">When the incident happened, as precisely as <paramref name="OccurredAtPrecision"/> says. Not more than the ingest's tolerance in the future.</param>
/// <param name="OccurredAtPrecision">How precise <paramref name="OccurredAt"/> is: <c>exact</c>, <c>hour</c> or <c>day</c>; see <see cref="Vocabulary.TimePrecision"/>.</param>
/// <param name="Location">Where it happened: province, district, place and optional coordinates.</param>
/// <param name="IncidentType">What happened, one of <see cref="Vocabulary.IncidentTypes"/> (e.g. <c>armed-assault</c>, <c>suicide-attack</c>).</param>
/// <param name="Targets">Whom or what it was aimed at, each one of <see cref="Vocabulary.Targets"/>; may be empty when unknown.</param>
/// <param name="Casualties">Killed and injured by side as this source reports them; null when the report gives no figures.</param>
/// <param name="Perpetrator">The group named as responsible (e.g. <c>BLA</c>, <c>TTP</c>), or null when none is named.</param>
/// <param name="ClaimStatus">Whether <paramref name="Perpetrator"/> <c>claimed</c> it, it is <c>attributed</c> by others, or it is <c>unknown</c>; see <see cref="Vocabulary.ClaimStatus"/>.</param>
/// <param name="Text">The source's free-text account (at most 4,000 characters), or null.</param>
[EventType("V1.IncidentReported")]
public sealed record IncidentReported(
    string SourceId,
    string ReportId,
    string Reliability,
    int Credibility,
    DateTimeOffset ReportedAt,
    DateTimeOffset OccurredAt,
    string OccurredAtPrecision,
    ReportedLocation Location,
    string IncidentType,
    IReadOnlyList<string> Targets,
    Casualties? Casualties,
    string? Perpetrator,
    string ClaimStatus,
    string? Text);
