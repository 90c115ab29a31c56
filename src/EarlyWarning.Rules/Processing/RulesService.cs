using EarlyWarning.EventStore;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Rules.Processing;

/// <summary>
/// Runs the rules: records the rule set's activation, rebuilds the engine's state by replaying the store up to the
/// checkpoint without appending (the engine is deterministic, so it ends in the state it had when it wrote that
/// checkpoint), then follows the store through the checkpointed subscription. On failure it reports unhealthy and
/// starts over from the checkpoint, so a store outage pauses warnings instead of ending them.
/// </summary>
internal sealed class RulesService(
    IEventStore store,
    EventTypeRegistry registry,
    RuleSet ruleSet,
    RulesOptions options,
    RulesStatus status,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly ILogger _logger = loggers.CreateLogger<RulesService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var gazetteer = Gazetteer.Gazetteer.Default;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var activation = await new RuleSetActivator(store, registry, clock).EnsureActiveAsync(ruleSet, $"rules@{Environment.MachineName}", stoppingToken).ConfigureAwait(false);
                _logger.LogInformation("Rule set version {Version} ({Hash}) in force: {Rules}", activation.Version, activation.Hash[..12], string.Join(", ", activation.RuleIds));
                var engine = new RuleEngine();
                var checkpoint = await RebuildAsync(engine, gazetteer, stoppingToken).ConfigureAwait(false);
                _logger.LogInformation("Rules rebuilt their state up to position {Position}; {Open} warnings open", checkpoint, engine.Warnings.Count(w => w.ResolutionReason is null));

                var handler = new RulesHandler(engine, registry, gazetteer, loggers.CreateLogger("EarlyWarning.Warnings"));
                var subscription = new CheckpointedSubscription(store, options.SubscriptionId, handler, EngineInput.Filter, loggers.CreateLogger<CheckpointedSubscription>());
                subscription.StateChanged += status.Changed;
                subscription.Handled += status.Evaluated;
                await subscription.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                status.Failed(ex);
                _logger.LogError(ex, "Rules stopped evaluating; starting over from the checkpoint in {Delay}", RetryDelay);
                await Task.Delay(RetryDelay, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<GlobalPosition> RebuildAsync(RuleEngine engine, Gazetteer.Gazetteer gazetteer, CancellationToken cancellationToken)
    {
        var checkpoint = await store.LoadCheckpointAsync(options.SubscriptionId, cancellationToken).ConfigureAwait(false) ?? GlobalPosition.Start;
        var discarded = new List<EmittedWarningEvent>();
        var position = GlobalPosition.Start;
        while (position < checkpoint)
        {
            var read = 0;
            await foreach (var recorded in store.ReadAllAsync(position, 4096, EngineInput.Filter, cancellationToken).ConfigureAwait(false))
            {
                read++;
                position = recorded.Position;
                if (position > checkpoint)
                    break;
                EngineInput.Apply(engine, recorded, registry, gazetteer, followActivations: true, discarded);
                discarded.Clear();
            }
            if (read == 0)
                break;
        }
        status.Evaluated(checkpoint);
        return checkpoint;
    }
}
