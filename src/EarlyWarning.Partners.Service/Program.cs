using EarlyWarning.Partners;
using EarlyWarning.Partners.Channels.Amqp;
using EarlyWarning.ServiceDefaults;

// Partners: the HTTP feed they pull, the relay that pushes to their own RabbitMQ exchanges, their webhooks,
// and the operators' re-delivery through either channel.
return await ServiceHost.RunAsync("partners", args, async builder =>
{
    await builder.AddEventStoreAsync();
    builder.AddPartners();
    builder.AddPartnerRelay();
    builder.AddPartnerWebhooks();
}, app =>
{
    app.MapPartnersApi();
    app.MapPartnerReplayApi();
});
