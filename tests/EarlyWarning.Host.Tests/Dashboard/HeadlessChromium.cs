using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EarlyWarning.Host.Tests.Dashboard;

/// <summary>
/// Debian's <c>chromium</c>, headless, driven over the Chrome DevTools Protocol on one WebSocket: no driver, no
/// browser download, no package. EW_TEST_CHROMIUM names the browser (./tests/run.sh sets it); without it
/// <c>/usr/bin/chromium</c>. A missing browser is a failure with the reason, never a skip.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private const string DefaultPath = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _errors = [];
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Console errors and uncaught exceptions of the pages, for assertions and failure messages.</summary>
    public IReadOnlyList<string> PageErrors
    {
        get
        {
            lock (_lock)
                return [.. _errors];
        }
    }

    /// <exception cref="InvalidOperationException">No Chromium at EW_TEST_CHROMIUM or /usr/bin/chromium.</exception>
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("EW_TEST_CHROMIUM");
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        if (File.Exists(path))
            return path;
        throw new InvalidOperationException(
            $"Chromium is required for the dashboard tests and there is none at {path} ({(string.IsNullOrWhiteSpace(configured) ? "the default; set EW_TEST_CHROMIUM to use another" : "EW_TEST_CHROMIUM")}). " +
            "Run ./tests/run.sh, which installs Debian's chromium package, or `apt-get install chromium`.");
    }

    public static async Task<HeadlessChromium> LaunchAsync(int width = 1440, int height = 1000)
    {
        var executable = Locate();
        var profile = Path.Combine(Path.GetTempPath(), "ew-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--metrics-recording-only",
            "--disable-dev-shm-usage", "--mute-audio", "--hide-scrollbars", $"--window-size={width},{height}",
            "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", $"--user-data-dir={profile}", "about:blank",
        })
            info.ArgumentList.Add(argument);
        // The sandbox needs user namespaces, which root in a container often lacks.
        if (Environment.UserName == "root")
            info.ArgumentList.Insert(0, "--no-sandbox");

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
                stderr.AppendLine(e.Data);
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            // Chromium writes the port it chose and the browser target's path to DevToolsActivePort once it listens.
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string[] lines = [];
            while (lines.Length < 2)
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"{executable} exited with {process.ExitCode}: {Tail(stderr)}");
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{executable} did not open its DevTools port within 60 s: {Tail(stderr)}");
                await Task.Delay(100);
                if (File.Exists(portFile))
                    lines = (await File.ReadAllTextAsync(portFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
            await browser._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), CancellationToken.None);
            browser._receiving = Task.Run(browser.ReceiveAsync);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new tab, attached in flat mode: its commands and events travel on the browser's socket with its session id.</summary>
    public async Task<BrowserPage> NewPageAsync()
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true });
        var page = new BrowserPage(this, attached.GetProperty("sessionId").GetString()!);
        await page.SendAsync("Runtime.enable");
        await page.SendAsync("Page.enable");
        await page.SendAsync("Log.enable");
        await page.SendAsync("Page.bringToFront");
        return page;
    }

    /// <exception cref="InvalidOperationException">The browser answered with an error.</exception>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null, string? sessionId = null, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
            _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (sessionId is not null)
            message["sessionId"] = sessionId;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
        try
        {
            return await answer.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Chromium did not answer {method} within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s.");
        }
        finally
        {
            lock (_lock)
                _pending.Remove(id);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                using var document = JsonDocument.Parse(message.ToArray());
                message.SetLength(0);
                Dispatch(document.RootElement.Clone());
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        lock (_lock)
        {
            foreach (var pending in _pending.Values)
                pending.TrySetException(new InvalidOperationException("The connection to Chromium closed."));
        }
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id))
        {
            TaskCompletionSource<JsonElement>? answer;
            lock (_lock)
                _pending.TryGetValue(id.GetInt32(), out answer);
            if (message.TryGetProperty("error", out var error))
                answer?.TrySetException(new InvalidOperationException($"Chromium: {error}"));
            else
                answer?.TrySetResult(message.GetProperty("result"));
            return;
        }
        var method = message.GetProperty("method").GetString()!;
        var parameters = message.TryGetProperty("params", out var p) ? p : default;
        switch (method)
        {
            case "Runtime.exceptionThrown":
                Record("uncaught: " + parameters.GetProperty("exceptionDetails"));
                break;
            case "Runtime.consoleAPICalled" when parameters.GetProperty("type").GetString() is "error" or "assert":
                Record("console.error: " + parameters.GetProperty("args"));
                break;
            case "Log.entryAdded" when parameters.GetProperty("entry").GetProperty("level").GetString() == "error":
                Record("log: " + parameters.GetProperty("entry").GetProperty("text").GetString() + " " +
                    (parameters.GetProperty("entry").TryGetProperty("url", out var url) ? url.GetString() : ""));
                break;
        }
    }

    private void Record(string error)
    {
        lock (_lock)
            _errors.Add(error);
    }

    private static string Tail(StringBuilder text)
    {
        lock (text)
        {
            var s = text.ToString().Trim();
            return s.Length > 2000 ? s[^2000..] : s;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await SendAsync("Browser.close", timeout: TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or WebSocketException)
        {
        }
        await _stop.CancelAsync();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!_process.HasExited && !_process.WaitForExit(5000))
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _socket.Dispose();
        _stop.Dispose();
        _send.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
