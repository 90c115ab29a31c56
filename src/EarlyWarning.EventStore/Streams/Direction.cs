namespace EarlyWarning.EventStore;

public enum Direction
{
    Forwards,
    Backwards,
}
