using EarlyWarning.Ingest;
using EarlyWarning.Ingest.Http;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Bus;

return await ServiceHost.RunAsync("ingest", args, async builder =>
{
    await builder.AddEventStoreAsync();
    builder.AddEarlyWarningBus(bus => bus.AddIngestConsumers());
    builder.AddIngest();
}, app => app.MapIngestApi());
