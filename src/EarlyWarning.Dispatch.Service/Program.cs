using EarlyWarning.Dispatch;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.ReadModels;
using EarlyWarning.Warnings;
using EarlyWarning.Warnings.Cap;
using EarlyWarning.Warnings.Http;

// Dispatch, and the warnings API beside it: SOCs are told of warnings here and acknowledge them here.
return await ServiceHost.RunAsync("dispatch", args, async builder =>
{
    await builder.AddEventStoreAsync();
    builder.AddDispatch();
    builder.AddWarnings();
    builder.AddCap();
}, app =>
{
    app.MapDispatchApi();
    app.MapWarningsApi();
    app.MapCapApi();
    app.MapReadModelsApi();
});
