using EarlyWarning.Partners.Entitlements;

namespace EarlyWarning.Partners.Feed;

/// <summary>One page of a partner's feed.</summary>
/// <param name="Events">The admitted events, in store order.</param>
/// <param name="Next">The position to ask from next: the last position read, admitted or not, so nothing is read twice. Equal to the request's <c>from</c> when there was nothing more.</param>
public sealed record FeedPage(IReadOnlyList<AdmittedEvent> Events, long Next);
