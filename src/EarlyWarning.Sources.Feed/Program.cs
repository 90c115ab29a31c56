using EarlyWarning.Sources.Feed;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await FeedProgram.RunAsync(args, Console.Out, Console.Error, stop.Token);
