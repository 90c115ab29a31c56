using System.Text.Json;
using EarlyWarning.Partners.Entitlements;
using Microsoft.AspNetCore.Http;

namespace EarlyWarning.Partners.Feed;

/// <summary>
/// One client's live feed response. Writes one frame at a time (the subscription's loop and the keep-alive timer
/// both write), and knows how far the client has been told it has read: the id of the last frame sent, and the
/// position read up to, past events the client does not get. A <c>caught-up</c> marker carries the latter, so a
/// client that reconnects with <c>Last-Event-ID</c> does not read again what its entitlement filtered out; a
/// marker's id never repeats and never goes back.
/// </summary>
internal sealed class FeedStream(HttpResponse response, long from) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim _writing = new(1, 1);
    // Written under _writing, with the frame that carries it.
    private long _sent = from;
    // Moved only on the subscription's loop, once every event up to it was handled: written, or passed over.
    private long _read = from;
    private volatile bool _live;

    public Task CommentAsync(string text, CancellationToken cancellationToken) =>
        WriteAsync(() => ($": {text}\n\n", null), cancellationToken);

    // The position read moves once the frame is out, so no marker can carry it before the event it passes.
    public Task EventAsync(AdmittedEvent admitted, CancellationToken cancellationToken)
    {
        // Serialised before taking the lock, which the keep-alive may be waiting for.
        var frame = $"id: {admitted.Position}\nevent: {admitted.Type}\ndata: {JsonSerializer.Serialize(admitted, Json)}\n\n";
        return WriteAsync(() => (frame, admitted.Position), cancellationToken);
    }

    /// <summary>An event read that the client does not get: reported with the next marker.</summary>
    public void PassedOver(long position)
    {
        if (position > _read)
            Volatile.Write(ref _read, position);
    }

    /// <summary>Read everything recorded up to <paramref name="position"/>: the marker goes out now.</summary>
    public Task CaughtUpAsync(long position, CancellationToken cancellationToken)
    {
        PassedOver(position);
        _live = true;
        return MarkAsync(orComment: false, cancellationToken);
    }

    /// <summary>Reading a backlog again: no marker until caught up.</summary>
    public void FellBehind() => _live = false;

    /// <summary>
    /// Every keep-alive interval: a marker if, following live, it has read past events the client does not get
    /// since the last frame; else a comment. Markers for passed-over events thus go out at most once an interval,
    /// not once for every commit elsewhere in the store.
    /// </summary>
    public Task KeepAliveAsync(CancellationToken cancellationToken) => MarkAsync(orComment: true, cancellationToken);

    public void Dispose() => _writing.Dispose();

    private Task MarkAsync(bool orComment, CancellationToken cancellationToken) =>
        WriteAsync(() =>
        {
            var read = Volatile.Read(ref _read);
            if (_live && read > _sent)
                return (FormattableString.Invariant($"id: {read}\nevent: caught-up\ndata: {{\"position\":{read}}}\n\n"), read);
            return (orComment ? ": keep-alive\n\n" : null, null);
        }, cancellationToken);

    /// <summary>Writes the frame <paramref name="frame"/> gives, decided under the lock (null text: nothing to write), and its id as sent.</summary>
    private async Task WriteAsync(Func<(string? Text, long? Id)> frame, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (text, id) = frame();
            if (text is null)
                return;
            await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (id is { } sent)
            {
                _sent = sent;
                if (sent > _read)
                    Volatile.Write(ref _read, sent);
            }
        }
        finally
        {
            _writing.Release();
        }
    }
}
