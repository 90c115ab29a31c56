namespace EarlyWarning.Warnings.Board;

/// <summary>The picture as known at <see cref="AsOf"/>: the answer of <c>GET /api/picture</c>.</summary>
/// <param name="AsOf">The moment asked for.</param>
/// <param name="Position">The last event included: the live stream resumes after it.</param>
/// <param name="FirstRecordedAt">When the first incident or warning was recorded, for the time slider.</param>
/// <param name="LastRecordedAt">When the last one included was.</param>
/// <param name="Incidents">The most recently recorded incidents not withdrawn, newest first.</param>
/// <param name="Warnings">The warnings open at <see cref="AsOf"/>, then the most recently resolved.</param>
public sealed record PictureView(
    DateTimeOffset AsOf,
    long Position,
    DateTimeOffset? FirstRecordedAt,
    DateTimeOffset? LastRecordedAt,
    IReadOnlyList<IncidentView> Incidents,
    IReadOnlyList<WarningView> Warnings);
