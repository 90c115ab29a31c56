using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.Testing;

/// <summary>Where an in-process app started on <c>http://127.0.0.1:0</c> actually listens.</summary>
public static class TestServer
{
    public static Uri BaseAddress(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
