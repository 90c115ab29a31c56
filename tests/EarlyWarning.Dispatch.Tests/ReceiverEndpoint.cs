namespace EarlyWarning.Dispatch.Tests;

/// <summary>How one path of the <see cref="Receiver"/> behaves: fails its first requests, then answers; each answer after a delay.</summary>
public sealed class ReceiverEndpoint(string secret)
{
    private int _requests;

    public string Secret { get; } = secret;

    /// <summary>How many requests fail before it accepts; <see cref="int.MaxValue"/> for a receiver that never recovers.</summary>
    public int FailFirst { get; set; }

    public int FailStatus { get; set; } = 500;

    public TimeSpan Delay { get; set; }

    /// <summary>Sent as <c>Retry-After</c> (whole seconds) with each failing answer, when set.</summary>
    public int? RetryAfterSeconds { get; set; }

    private int _open;

    /// <summary>Requests being handled now: started, not answered.</summary>
    public int Open => Volatile.Read(ref _open);

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed() => Interlocked.Decrement(ref _open);

    public int NextStatus() => Interlocked.Increment(ref _requests) <= FailFirst ? FailStatus : 200;
}
