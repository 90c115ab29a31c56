using EarlyWarning.EventStore.Conformance;

namespace EarlyWarning.EventStore.Postgres.Tests;

// The conformance suite, unchanged, against a real PostgreSQL server: one line per capability.
public sealed class RoundTrip(PostgresHarness harness) : RoundTripTests<PostgresHarness>(harness);
public sealed class ExpectedRevisions(PostgresHarness harness) : ExpectedRevisionTests<PostgresHarness>(harness);
public sealed class Idempotency(PostgresHarness harness) : IdempotencyTests<PostgresHarness>(harness);
public sealed class Reading(PostgresHarness harness) : ReadingTests<PostgresHarness>(harness);
public sealed class Subscriptions(PostgresHarness harness) : SubscriptionTests<PostgresHarness>(harness);
public sealed class OtherWriters(PostgresHarness harness) : OtherWriterTests<PostgresHarness>(harness);
public sealed class ConcurrentWriters(PostgresHarness harness) : ConcurrentWritersTests<PostgresHarness>(harness);
public sealed class Durability(PostgresHarness harness) : DurabilityTests<PostgresHarness>(harness);
public sealed class HandlerTransactions(PostgresHarness harness) : HandlerTransactionTests<PostgresHarness>(harness);
public sealed class BadInput(PostgresHarness harness) : BadInputTests<PostgresHarness>(harness);
