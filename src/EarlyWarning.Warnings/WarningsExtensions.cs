using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.ReadModels;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Warnings.Board;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EarlyWarning.Warnings;

public static class WarningsExtensions
{
    /// <summary>
    /// The live board of incidents and warnings (an operator may rebuild it: <see cref="ReadModelsExtensions.MapReadModelsApi"/>),
    /// and the API keys the acknowledgement endpoint checks.
    /// </summary>
    public static IHostApplicationBuilder AddWarnings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddApiKeys();
        builder.Services.AddContracts();
        builder.Services.AddSingleton<WarningBoard>();
        builder.Services.AddHostedService<WarningBoardService>();
        builder.Services.AddReadModel<WarningBoardReadModel>();
        return builder;
    }
}
