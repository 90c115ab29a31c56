using EarlyWarning.ServiceDefaults;

return await ServiceHost.RunAsync("dispatch", args, async builder =>
{
    await builder.AddEventStoreAsync();
}, app => { });
