// The EarlyWarning event store benchmark: both adapters, five scenarios each, beside the raw limits of the
// same disk and database, measured in one run. Markdown goes to stdout, progress to stderr.
//
//   dotnet run -c Release --project tests/EarlyWarning.Benchmarks -- [--adapter sqlite|postgres|all] [--scale N]
//       [--ids time-ordered|random] [--data-dir DIR] [--postgres CONNECTION-STRING]
//
// With --suite ingest (or all), the ingest suite: reports over the bus into the store, in the distributed and
// the embedded mode (--mode), beside the raw bus and the bare store; see Ingest/IngestSuite.cs.
// With --suite rules (or all), the rules suite: the engine alone, the back-test, live warnings; see Rules/RulesSuite.cs.
// With --suite dispatch (or all), one warning fanned out to 100 webhook receivers; see Dispatch/FanOutFigure.cs.
// With --suite partners (or all), the AMQP relay and the HTTP feed catching up on a store, beside the plain RabbitMQ
// client and the store's own read; see Partners/PartnersSuite.cs.
using System.Diagnostics;
using EarlyWarning.Benchmarks;
using EarlyWarning.Benchmarks.Dispatch;
using EarlyWarning.Benchmarks.Ingest;
using EarlyWarning.Benchmarks.Partners;
using EarlyWarning.Benchmarks.Rules;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var workload = Workload.From(options);
var clock = Stopwatch.StartNew();
void Progress(string message) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {message}");

Directory.CreateDirectory(options.DataDirectory);
try
{
    if (options.RunIngest)
        await IngestSuite.RunAsync(options, args, Progress);
    if (options.RunRules)
        await RulesSuite.RunAsync(options, args, Progress);
    if (options.RunDispatch)
    {
        Console.WriteLine("# EarlyWarning dispatch benchmark");
        Console.WriteLine();
        foreach (var fact in MachineFacts.Describe(options.DataDirectory))
            Console.WriteLine($"- {fact}");
        Console.WriteLine($"- Arguments: {BenchmarkOptions.Describe(args)}; scale {options.Scale}");
        Console.WriteLine();
        Console.WriteLine((await new FanOutFigure(options, Progress).RunAsync()).ToMarkdown());
    }
    if (options.RunPartners)
        await PartnersSuite.RunAsync(options, args, Progress);
    if (!options.RunStore)
    {
        Progress("done");
        return 0;
    }

    Console.WriteLine("# EarlyWarning event store benchmark");
    Console.WriteLine();
    foreach (var fact in MachineFacts.Describe(options.DataDirectory))
        Console.WriteLine($"- {fact}");
    Console.WriteLine($"- Arguments: {BenchmarkOptions.Describe(args)}; scale {options.Scale}; event {workload.IdKind}");
    Console.WriteLine();

    var adapters = new List<IAdapterBenchmark>();
    if (options.RunSqlite)
        adapters.Add(new SqliteBenchmark(options, workload, Progress));
    if (options.RunPostgres)
        adapters.Add(new PostgresBenchmark(options, workload, Progress));

    foreach (var adapter in adapters)
    {
        Progress($"{adapter.Name}: starting");
        var report = await adapter.RunAsync();
        // Printed as soon as it is known, so a later failure does not lose it.
        Console.WriteLine(report.ToMarkdown());
    }
    Progress("done");
    return 0;
}
catch (Exception ex) when (ex is EarlyWarning.EventStore.StoreUnavailableException or Npgsql.NpgsqlException or IOException or InfrastructureUnavailableException or TimeoutException)
{
    // An unreachable server or broker, an unwritable folder, or reports that never arrived: say which, without a stack trace.
    Console.Error.WriteLine($"benchmark failed: {ex.Message}");
    return 1;
}
finally
{
    if (!options.DataDirectoryGiven)
        Directory.Delete(options.DataDirectory, recursive: true);
}
