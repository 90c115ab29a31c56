using EarlyWarning.Rules.Processing;

namespace EarlyWarning.Rules.Http;

/// <summary>What the rules service is doing, as the API shows it.</summary>
/// <param name="CaughtUp">It has evaluated everything recorded and follows live.</param>
/// <param name="Position">The position of <c>$all</c> it has evaluated up to.</param>
/// <param name="Failure">What stopped it, while it is stopped.</param>
internal sealed record RulesStatusView(bool CaughtUp, long Position, string? Failure)
{
    public static RulesStatusView From(RulesStatus status) => new(status.CaughtUp, status.Position.Value, status.Failure);
}
