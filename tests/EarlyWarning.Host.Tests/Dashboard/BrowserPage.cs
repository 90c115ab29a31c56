using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EarlyWarning.Host.Tests.Dashboard;

/// <summary>
/// One tab of <see cref="HeadlessChromium"/>. Elements are named by a JavaScript expression that yields one (found by
/// label, role, text or data-testid); clicks and typing go through the browser's input pipeline, as a user's would.
/// </summary>
public sealed class BrowserPage(HeadlessChromium browser, string sessionId)
{
    public Task<JsonElement> SendAsync(string method, JsonObject? parameters = null) => browser.SendAsync(method, parameters, sessionId);

    public async Task GotoAsync(Uri address)
    {
        var navigated = await SendAsync("Page.navigate", new JsonObject { ["url"] = address.ToString() });
        if (navigated.TryGetProperty("errorText", out var error) && error.GetString() is { Length: > 0 } text)
            throw new InvalidOperationException($"Chromium could not open {address}: {text}");
        await WaitForAsync("document.readyState === 'complete'", TimeSpan.FromSeconds(30), $"{address} to load");
    }

    /// <summary>The expression's value (promises awaited), as JSON.</summary>
    /// <exception cref="InvalidOperationException">The expression threw.</exception>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
        });
        if (result.TryGetProperty("exceptionDetails", out var exception))
            throw new InvalidOperationException($"The page threw evaluating `{expression}`: {exception}");
        return result.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    public async Task<string> TextAsync(string element) =>
        (await EvaluateAsync($"(() => {{ const e = {element}; return e ? e.textContent.trim() : null; }})()")).GetString() ?? "";

    /// <exception cref="TimeoutException">The condition did not become true; the message says what the page showed.</exception>
    public async Task WaitForAsync(string condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await EvaluateAsync($"(() => {{ try {{ return !!({condition}); }} catch {{ return false; }} }})()");
            if (value.ValueKind == JsonValueKind.True)
                return;
            if (DateTime.UtcNow > deadline)
            {
                var status = await TextAsync("document.querySelector('[data-testid=status]')");
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}. The page's status line: \"{status}\". " +
                    $"Page errors: {string.Join(" | ", browser.PageErrors)}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Scrolls the element into view and clicks its centre with the mouse, after checking nothing covers it.</summary>
    public async Task ClickAsync(string element, string what)
    {
        var box = await EvaluateAsync($$"""
            (() => {
              const e = {{element}};
              if (!e) return { error: 'not found' };
              if (e.disabled) return { error: 'disabled' };
              e.scrollIntoView({ block: 'center', inline: 'center' });
              const r = e.getBoundingClientRect();
              const x = r.left + r.width / 2, y = r.top + r.height / 2;
              const hit = document.elementFromPoint(x, y);
              if (!hit || !(hit === e || e.contains(hit))) return { error: 'covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing') };
              return { x, y };
            })()
            """);
        if (box.TryGetProperty("error", out var error))
            throw new InvalidOperationException($"Cannot click {what}: {error.GetString()}.");
        var x = box.GetProperty("x").GetDouble();
        var y = box.GetProperty("y").GetDouble();
        await SendAsync("Input.dispatchMouseEvent", new JsonObject { ["type"] = "mouseMoved", ["x"] = x, ["y"] = y });
        foreach (var type in new[] { "mousePressed", "mouseReleased" })
            await SendAsync("Input.dispatchMouseEvent", new JsonObject { ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = "left", ["clickCount"] = 1 });
    }

    /// <summary>Clicks into the field and types the text, as the keyboard would insert it.</summary>
    public async Task TypeAsync(string element, string text, string what)
    {
        await ClickAsync(element, what);
        await SendAsync("Input.insertText", new JsonObject { ["text"] = text });
    }

    /// <summary>A PNG of the whole page, not only the window.</summary>
    public async Task ScreenshotAsync(string path)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics");
        var size = metrics.GetProperty("cssContentSize");
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject
            {
                ["x"] = 0, ["y"] = 0, ["scale"] = 1,
                ["width"] = Math.Ceiling(size.GetProperty("width").GetDouble()),
                ["height"] = Math.Ceiling(size.GetProperty("height").GetDouble()),
            },
        });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    /// <summary>A JavaScript string literal of <paramref name="text"/>.</summary>
    public static string Js(string text) => JsonSerializer.Serialize(text);

    public static string Js(long number) => number.ToString(CultureInfo.InvariantCulture);
}
