namespace EarlyWarning.EventStore;

public enum ExpectedRevisionKind
{
    Any,
    NoStream,
    StreamExists,
    Exact,
}
