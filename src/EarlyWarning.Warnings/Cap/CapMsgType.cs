namespace EarlyWarning.Warnings.Cap;

/// <summary>CAP 1.2 <c>msgType</c> values this system sends; it never sends Ack or Error.</summary>
public static class CapMsgType
{
    /// <summary>A warning's first message.</summary>
    public const string Alert = "Alert";

    /// <summary>Supersedes the earlier messages named in <c>references</c>.</summary>
    public const string Update = "Update";

    /// <summary>Cancels the earlier messages named in <c>references</c>: the CAP way to end an alert.</summary>
    public const string Cancel = "Cancel";
}
