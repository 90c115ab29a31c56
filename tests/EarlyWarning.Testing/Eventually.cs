namespace EarlyWarning.Testing;

/// <summary>Waits for something another process or thread will make true, failing with what it waited for.</summary>
public static class Eventually
{
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<string>? context = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.{(context is null ? "" : " " + context())}");
            await Task.Delay(200);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string>? context = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, what, context);
}
