using EarlyWarning.Dispatch;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Security;

return await ServiceHost.RunAsync("dispatch", args, async builder =>
{
    await builder.AddEventStoreAsync();
    builder.AddApiKeys();
    builder.AddDispatch();
    // The warnings API (board, acknowledgement, CAP) is added here, beside the dispatch.
}, app =>
{
    app.MapDispatchApi();
    // The warnings API's endpoints are mapped here.
});
