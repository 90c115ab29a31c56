using System.Text;
using System.Text.Json;

namespace EarlyWarning.Cli.Output;

/// <summary>
/// A write-only stream of UTF-8 that goes to a <see cref="TextWriter"/> as it comes, so a JSON report can be
/// serialised with <see cref="System.Text.Json.JsonSerializer.SerializeAsync{TValue}(Stream, TValue, System.Text.Json.JsonSerializerOptions?, CancellationToken)"/>,
/// which flushes as it goes, rather than built whole as one string: a million warnings with their snapshots is more
/// than a .NET string can hold. A character split between two writes is kept until its last byte comes.
/// </summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    /// <summary>Serialises <paramref name="value"/> to <paramref name="output"/> as it goes, then ends the line.</summary>
    public static async Task WriteJsonLineAsync<T>(TextWriter output, T value, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        await using (var stream = new TextWriterStream(output))
            await JsonSerializer.SerializeAsync(stream, value, options, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
    }

    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private char[] _chars = [];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // At most one char per byte, plus what the decoder holds of a split character.
        var most = buffer.Length + 2;
        if (_chars.Length < most)
            _chars = new char[Math.Max(most, 4096)];
        var count = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars, 0, count);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush() => writer.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
