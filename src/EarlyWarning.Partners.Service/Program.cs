using EarlyWarning.Partners;
using EarlyWarning.Partners.Channels.Amqp;
using EarlyWarning.ServiceDefaults;

// Partners: the HTTP feed they pull, and the relay that pushes to their own RabbitMQ exchanges.
return await ServiceHost.RunAsync("partners", args, async builder =>
{
    await builder.AddEventStoreAsync();
    builder.AddPartners();
    builder.AddPartnerRelay();
}, app => app.MapPartnersApi());
