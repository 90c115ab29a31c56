namespace EarlyWarning.Warnings.Board;

/// <summary>What one event changed on the board, for the live stream: an incident or a warning as it now stands.</summary>
/// <param name="Position">The event's position in <c>$all</c>: the live stream's event id, to resume after.</param>
/// <param name="Kind"><see cref="Incident"/> or <see cref="Warning"/>.</param>
/// <param name="View">An <see cref="IncidentView"/> or a <see cref="WarningView"/>.</param>
public sealed record PictureChange(long Position, string Kind, object View)
{
    public const string Incident = "incident";
    public const string Warning = "warning";
}
