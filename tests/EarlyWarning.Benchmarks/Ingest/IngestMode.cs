namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// How ingest is deployed: distributed (RabbitMQ → the ingest service → PostgreSQL) or embedded (the
/// in-memory bus → ingest → SQLite, all in the one host process).
/// </summary>
public sealed record IngestMode(string Name, string Transport, string Adapter, Target Throughput, int Warmup, int Reports)
{
    public static readonly IngestMode Distributed = new("Distributed: RabbitMQ → ingest → PostgreSQL", "rabbitmq", "postgres", IngestTargets.DistributedThroughput, 10_000, 40_000);

    public static readonly IngestMode Embedded = new("Embedded: in-memory bus → ingest → SQLite", "in-memory", "sqlite", IngestTargets.EmbeddedThroughput, 20_000, 100_000);

    public bool UsesBroker => Transport == "rabbitmq";
}
