using EarlyWarning.EventStore;
using Polly;
using Polly.Retry;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>
/// The dispatch's appends ride out a short store outage: a delivery already made is recorded rather than repeated.
/// Past this the run fails and starts over from the store, which repeats only the unrecorded deliveries.
/// </summary>
internal sealed class StoreRetry
{
    public ResiliencePipeline Pipeline { get; } = new ResiliencePipelineBuilder { Name = "dispatch store" }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not (OperationCanceledException or ArgumentException or WrongExpectedVersionException or DuplicateEventIdException)),
            MaxRetryAttempts = 5,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(5),
        })
        .Build();
}
