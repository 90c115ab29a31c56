using EarlyWarning.ServiceDefaults.Security;

namespace EarlyWarning.Warnings.Cap;

/// <summary>
/// Which warnings a caller that is neither an operator nor an administrator may read as CAP: its documents and its
/// feed. Operators and administrators read every warning without asking; a partner reads through its entitlement
/// (EarlyWarning.Partners implements this). Without one registered, only operators and administrators read CAP,
/// so a process without partners never shows a partner-scoped key more than nothing.
/// </summary>
public interface ICapAudience
{
    /// <summary>
    /// A test on a decoded warning event (<c>WarningRaised</c>, <c>WarningUpdated</c>, <c>WarningResolved</c>): true
    /// when <paramref name="caller"/> may read that version. Null when it may read no warning at all (answered 403).
    /// </summary>
    Func<object, bool>? WarningsFor(ApiCaller caller);
}
