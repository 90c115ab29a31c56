using EarlyWarning.Contracts.Rules;

namespace EarlyWarning.Rules.Http;

/// <summary>One silence as the <c>silences</c> stream tells it: added, and perhaps removed.</summary>
/// <param name="Added">The silence as it was added.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="RemovedBy">Who removed it, when someone did.</param>
/// <param name="RemovedAt">When the removal was recorded.</param>
internal sealed record SilenceRecord(SilenceAdded Added, DateTimeOffset CreatedAt, string? RemovedBy, DateTimeOffset? RemovedAt)
{
    public const string Active = "active";
    public const string Removed = "removed";
    public const string Expired = "expired";

    /// <summary><see cref="Active"/>, <see cref="Removed"/> or <see cref="Expired"/> at <paramref name="now"/>.</summary>
    public string StatusAt(DateTimeOffset now) => RemovedBy is not null ? Removed : Added.EndsAt <= now ? Expired : Active;
}
