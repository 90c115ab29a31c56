namespace EarlyWarning.Dispatch.Delivery;

/// <summary>What the attempts of one delivery saw, kept outside the pipeline because retries dispose each failed answer.</summary>
internal sealed class AttemptLog
{
    public int Requests;
    public int LastStatus;
}
