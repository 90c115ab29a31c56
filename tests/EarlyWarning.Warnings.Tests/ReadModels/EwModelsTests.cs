using EarlyWarning.Contracts.Operators;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Board;
using EarlyWarning.Warnings.Cap;

namespace EarlyWarning.Warnings.Tests.ReadModels;

/// <summary><c>ew models</c>, the operator's command, run as a child process against a service on 127.0.0.1.</summary>
public sealed class EwModelsTests
{
    private static readonly Lazy<string> Ew = new(() => BuiltProgram.Locate("src", "EarlyWarning.Cli", assemblyName: "ew"));

    [Fact]
    public async Task ew_lists_the_models_and_rebuilds_one_which_the_service_records()
    {
        await using var app = await ReadModelsApp.StartAsync();
        await app.Ingest.ReportAsync(Http.Reports.Kech(), null);
        var head = (await app.Store.GetHeadPositionAsync()).Value;
        Assert.True(await app.Board.WaitForAsync(head, TimeSpan.FromSeconds(10), CancellationToken.None), "the board did not read to the position");
        var url = app.Http.BaseAddress!.ToString();

        var list = await RunAsync(new Dictionary<string, string> { ["EW_API_KEY"] = TestApiKeys.Operator }, "models", "list", "--url", url);
        var rebuild = await RunAsync([], "models", "rebuild", WarningBoardReadModel.ModelName, "--url", url, "--key", ReadModelsApp.AdminKey);

        Assert.True(list.ExitCode == 0, list.Text);
        Assert.Contains(list.Output, l => l.StartsWith(CapFeedReadModel.ModelName, StringComparison.Ordinal) && l.Contains("never (built at start)", StringComparison.Ordinal));
        Assert.Contains(list.Output, l => l.StartsWith(WarningBoardReadModel.ModelName, StringComparison.Ordinal) && l.Contains($" {head} ", StringComparison.Ordinal));
        Assert.True(rebuild.ExitCode == 0, rebuild.Text);
        Assert.Matches($@"^Rebuilt warnings-board: 1 events folded, read to position {head}, in \d+ ms; recorded as done by {ReadModelsApp.AdminName}\.$", Assert.Single(rebuild.Output));
        var audit = Assert.IsType<ReadModelRebuilt>(Assert.Single(await app.Store.EventsAsync(app.Registry, OperatorStreams.Audit)));
        Assert.Equal((WarningBoardReadModel.ModelName, ReadModelsApp.AdminName), (audit.Model, audit.By));
    }

    [Theory]
    [InlineData("ew_not_a_key", "warnings-board", "ew: 401 Unknown API key")]
    [InlineData(TestApiKeys.Source, "warnings-board", "ew: 403 Not allowed for this key")]
    [InlineData(TestApiKeys.Operator, "warnings-bord", "ew: 404 No such read model: This service holds no read model 'warnings-bord'; it holds: cap-feed, warnings-board.")]
    public async Task a_refusal_is_the_services_problem_on_one_line_exit_code_1_and_nothing_rebuilt(string key, string model, string expected)
    {
        await using var app = await ReadModelsApp.StartAsync();
        var head = (await app.Store.GetHeadPositionAsync()).Value;

        var run = await RunAsync([], "models", "rebuild", model, "--url", app.Http.BaseAddress!.ToString(), "--key", key);

        Assert.True(run.ExitCode == 1, run.Text);
        Assert.Empty(run.Output);
        Assert.StartsWith(expected, Assert.Single(run.Errors), StringComparison.Ordinal);
        Assert.Equal(head, (await app.Store.GetHeadPositionAsync()).Value);
    }

    private static async Task<(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Errors, string Text)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        environment.TryAdd("EW_API_KEY", "");
        using var ew = ChildProcess.Start(Ew.Value, args, Repository.Root, environment);
        var exitCode = await ew.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return (exitCode, ew.Output, ew.Errors, $"exit {exitCode}\n{string.Join('\n', ew.Output)}\n{string.Join('\n', ew.Errors)}");
    }
}
