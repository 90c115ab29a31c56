using EarlyWarning.EventStore;

namespace EarlyWarning.EventStore.Conformance;

/// <summary>What an adapter's test project provides so the conformance suite can run against it.</summary>
public interface IStoreHarness
{
    /// <summary>A fresh, isolated place for a store (a new file, a new schema); an opaque string.</summary>
    Task<string> NewLocationAsync();

    /// <summary>Opens a store at a location; opening the same location again sees what was recorded there.</summary>
    Task<IEventStore> OpenAsync(string location, EventStoreOptions? options = null);

    /// <summary>
    /// The live poll a subscriber needs to hear a writer in another process: PostgreSQL hears it through
    /// NOTIFY, so an hour (only NOTIFY can pass the test); SQLite has no NOTIFY and relies on the poll.
    /// </summary>
    TimeSpan PollToHearOtherWriters { get; }

    /// <summary>The arguments that make the crash-writer child process append to this location.</summary>
    IReadOnlyList<string> CrashWriterArguments(string location);

    /// <summary>Checks the adapter's own idea of integrity (SQLite: PRAGMA integrity_check); throws if broken.</summary>
    Task VerifyIntegrityAsync(string location);
}
