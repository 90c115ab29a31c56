namespace EarlyWarning.Cli.Tests.CommandLine;

/// <summary>Usage: help on standard output; every mistake a line on standard error naming it, exit 2, nothing read.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "--help" }, "Usage: ew <command>")]
    [InlineData(new[] { "backtest", "--help" }, "--rules <path>")]
    [InlineData(new[] { "rules", "check", "--help" }, "Usage: ew rules check")]
    [InlineData(new[] { "models", "--help" }, "Usage: ew models list")]
    [InlineData(new[] { "models", "rebuild", "--help" }, "ew models rebuild <name>")]
    public async Task help_is_printed_on_standard_output(string[] args, string expected)
    {
        var run = await Ew.RunAsync(args);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Errors);
    }

    [Theory]
    [InlineData("no command", new string[0], "no command given")]
    [InlineData("unknown command", new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData("unknown option", new[] { "backtest", "--rules", "rules/", "--bogus" }, "unknown option '--bogus'")]
    [InlineData("bad date", new[] { "backtest", "--rules", "rules/", "--from", "2026-02-30" }, "--from must be a date")]
    [InlineData("bad time", new[] { "backtest", "--rules", "rules/", "--to", "yesterday" }, "--to must be a date")]
    [InlineData("from after to", new[] { "backtest", "--rules", "rules/", "--from", "2026-02-01", "--to", "2026-01-01" }, "is after --to")]
    [InlineData("missing --rules", new[] { "backtest", "--from", "2026-01-01" }, "--rules <file-or-directory>")]
    [InlineData("--rules without a value", new[] { "backtest", "--rules" }, "'--rules' needs a value")]
    [InlineData("no such rules", new[] { "backtest", "--rules", "no-such-rules" }, "no rule file or directory at no-such-rules")]
    [InlineData("unknown format", new[] { "backtest", "--rules", "rules/", "--format", "xml" }, "--format must be table, csv or json")]
    [InlineData("unknown store", new[] { "backtest", "--rules", "rules/", "--store", "mysql:localhost" }, "--store must be sqlite:<path> or postgres:")]
    [InlineData("bad schema", new[] { "backtest", "--rules", "rules/", "--store", "postgres:Host=127.0.0.1;Port=1", "--schema", "Bad-Schema" }, "not a valid schema name")]
    [InlineData("option twice", new[] { "backtest", "--rules", "rules/", "--to", "2026-01-01", "--to", "2026-01-02" }, "'--to' is given twice")]
    [InlineData("models without a subcommand", new[] { "models" }, "needs a subcommand: list or rebuild")]
    [InlineData("unknown models subcommand", new[] { "models", "refresh" }, "unknown subcommand 'models refresh'")]
    [InlineData("rebuild without a model", new[] { "models", "rebuild", "--key", "k" }, "needs the model's name")]
    [InlineData("rebuild of two models", new[] { "models", "rebuild", "warnings-board", "cap-feed", "--key", "k" }, "takes one model, not 2")]
    [InlineData("list with an argument", new[] { "models", "list", "warnings-board", "--key", "k" }, "models list takes no argument")]
    [InlineData("models without a key", new[] { "models", "rebuild", "warnings-board" }, "needs an operator's API key: --key <key> or the environment variable EW_API_KEY")]
    [InlineData("models with a bad url", new[] { "models", "list", "--key", "k", "--url", "ftp://127.0.0.1" }, "--url must be a http or https URL")]
    [InlineData("redeliver without a key", new[] { "partners", "redeliver", "--partner", "p", "--channel", "amqp", "--after", "1" }, "partners redeliver needs an operator's API key")]
    public async Task a_mistake_is_named_on_standard_error_with_exit_code_2(string _, string[] args, string expected)
    {
        var run = await Ew.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        var line = Assert.Single(run.Errors);
        Assert.StartsWith("ew: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_rules_file_with_an_error_stops_the_backtest_with_the_error_and_exit_code_2()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.yaml", BadRuleFiles.BadWindow);

        var run = await Ew.RunAsync("backtest", "--rules", path, "--store", "sqlite:" + Path.Combine(folder.Path, "never-opened.db"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.Contains(run.Errors, line => line.StartsWith($"{path}:8:", StringComparison.Ordinal) && line.Contains("window", StringComparison.Ordinal));
        Assert.Equal("ew: 1 error in the rules; nothing was evaluated", run.Errors[^1]);
        Assert.False(File.Exists(Path.Combine(folder.Path, "never-opened.db")));
    }

    [Theory]
    [InlineData("models", "list")]
    [InlineData("models", "rebuild", "warnings-board")]
    [InlineData("partners", "redeliver", "--partner", "p", "--channel", "amqp", "--after", "1")]
    public async Task an_unreachable_service_is_one_line_and_exit_code_1(params string[] args)
    {
        var url = $"http://127.0.0.1:{Testing.Ports.Free()}";

        var run = await Ew.RunAsync(args.Concat(["--key", "k", "--url", url]).ToArray());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Empty(run.Output);
        var line = Assert.Single(run.Errors);
        Assert.StartsWith($"ew: the service at {url}/ cannot be reached", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unreachable_postgresql_is_one_line_and_exit_code_1()
    {
        var run = await Ew.RunAsync("backtest", "--rules", "rules/", "--store", "postgres:Host=127.0.0.1;Port=1;Username=earlywarning;Password=x;Database=earlywarning;Timeout=5");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Empty(run.Output);
        var line = Assert.Single(run.Errors);
        Assert.StartsWith("ew: ", line, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", line, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_sqlite_store_that_does_not_exist_is_unavailable_and_is_not_created()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "none.db");

        var run = await Ew.RunAsync("backtest", "--rules", "rules/", "--store", "sqlite:" + path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"there is no event store at {path}", Assert.Single(run.Errors), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
