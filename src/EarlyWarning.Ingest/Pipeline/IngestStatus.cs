namespace EarlyWarning.Ingest.Pipeline;

/// <summary>What became of a message.</summary>
public enum IngestStatus
{
    /// <summary>A report of an attack nobody had reported: a new incident.</summary>
    Recorded,

    /// <summary>A report of an incident already recorded, from another source.</summary>
    Corroborated,

    /// <summary>The same report, correction or retraction arrived before; nothing new was recorded.</summary>
    Duplicate,

    /// <summary>A correction applied to its report.</summary>
    Corrected,

    /// <summary>A retraction applied to its report.</summary>
    Retracted,

    /// <summary>Not accepted, for the reasons given; nothing was recorded.</summary>
    Rejected,

    /// <summary>A correction or retraction of a report that is not recorded (yet).</summary>
    UnknownReport,

    /// <summary>A correction of a report its source has retracted.</summary>
    Conflict,
}
