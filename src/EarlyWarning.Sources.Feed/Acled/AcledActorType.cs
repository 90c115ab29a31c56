namespace EarlyWarning.Sources.Feed.Acled;

/// <summary>
/// ACLED's actor types (the <c>inter1</c>/<c>inter2</c> columns): codes 1–8 in older exports, their names in
/// newer ones. <see cref="None"/> is an empty column: the event has no second actor.
/// </summary>
internal enum AcledActorType
{
    None = 0,
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    ExternalForces = 8,
}
