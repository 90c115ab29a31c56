using EarlyWarning.EventStore.Conformance;

namespace EarlyWarning.EventStore.Sqlite.Tests;

// The conformance suite, unchanged, against a real SQLite file: one line per capability.
public sealed class RoundTrip(SqliteHarness harness) : RoundTripTests<SqliteHarness>(harness);
public sealed class ExpectedRevisions(SqliteHarness harness) : ExpectedRevisionTests<SqliteHarness>(harness);
public sealed class Idempotency(SqliteHarness harness) : IdempotencyTests<SqliteHarness>(harness);
public sealed class Reading(SqliteHarness harness) : ReadingTests<SqliteHarness>(harness);
public sealed class Subscriptions(SqliteHarness harness) : SubscriptionTests<SqliteHarness>(harness);
public sealed class OtherWriters(SqliteHarness harness) : OtherWriterTests<SqliteHarness>(harness);
public sealed class ConcurrentWriters(SqliteHarness harness) : ConcurrentWritersTests<SqliteHarness>(harness);
public sealed class Durability(SqliteHarness harness) : DurabilityTests<SqliteHarness>(harness);
public sealed class HandlerTransactions(SqliteHarness harness) : HandlerTransactionTests<SqliteHarness>(harness);
public sealed class BadInput(SqliteHarness harness) : BadInputTests<SqliteHarness>(harness);
