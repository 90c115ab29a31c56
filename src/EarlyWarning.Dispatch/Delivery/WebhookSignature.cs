using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EarlyWarning.Dispatch.Delivery;

/// <summary>
/// The signature of a webhook request, Stripe-style: <c>X-EarlyWarning-Signature: t={unix seconds},v1={hex}</c>, where the
/// hex is the lower-case HMAC-SHA256, keyed with the recipient's secret, of <c>{t}.{body}</c> (the body's exact bytes).
/// The timestamp is signed with the body, so a receiver that refuses old timestamps also refuses replays.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-EarlyWarning-Signature";
    public const string TimestampHeader = "X-EarlyWarning-Timestamp";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>How far a receiver should let a timestamp be from its own clock.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Mac(secret, timestamp, body))}";
    }

    /// <summary>What a receiver does: the header parses, a <c>v1</c> matches in constant time, and the timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrEmpty(header))
            return false;
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
                return false;
            if (pair[0] == "t" && long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
                timestamp = t;
            // Other schemes (v0, a future v2) are ignored, so a receiver keeps working while they are added.
            else if (pair[0] == "v1" && pair[1].Length == 64 && pair[1].All(Uri.IsHexDigit))
                signatures.Add(Convert.FromHexString(pair[1]));
        }
        if (timestamp is not { } signedAt || signatures.Count == 0)
            return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(signedAt)).Duration() > tolerance)
            return false;
        var expected = Mac(secret, signedAt, body);
        var matched = false;
        foreach (var signature in signatures)
            matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
        return matched;
    }

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
