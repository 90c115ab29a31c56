using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using EarlyWarning.Dispatch.Delivery;

namespace EarlyWarning.Dispatch.Tests.Delivery;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test_0123456789abcdef";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"warningId":"w1","version":1}""");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_769_810_400);

    [Fact]
    public void the_header_is_t_then_v1_the_lower_case_hex_hmac_sha256_of_timestamp_dot_body()
    {
        var header = WebhookSignature.Sign(Secret, 1_769_810_400, Body);

        Assert.Matches(new Regex("^t=1769810400,v1=[0-9a-f]{64}$"), header);
        // Computed here the way a receiver in any language would.
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("1769810400." + Encoding.UTF8.GetString(Body))));
        Assert.Equal("t=1769810400,v1=" + expected, header);
    }

    [Fact]
    public void a_receiver_accepts_a_signature_made_with_its_secret_within_the_tolerance()
    {
        var header = WebhookSignature.Sign(Secret, Now.AddMinutes(-4).ToUnixTimeSeconds(), Body);
        Assert.True(WebhookSignature.Verify(Secret, header, Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void a_receiver_refuses_a_changed_body_another_secret_an_old_timestamp_or_a_header_without_v1()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        var changed = Encoding.UTF8.GetBytes("""{"warningId":"w1","version":2}""");

        Assert.False(WebhookSignature.Verify(Secret, header, changed, Now, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("another-secret-0123456789", header, Body, Now, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(6), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header.Split(',')[0], Body, Now, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, null, Body, Now, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, "garbage", Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void a_receiver_accepts_any_matching_v1_so_secrets_can_be_rotated()
    {
        var t = Now.ToUnixTimeSeconds();
        var old = WebhookSignature.Sign("the-old-secret-0123456789", t, Body).Split(',')[1];
        var header = WebhookSignature.Sign(Secret, t, Body) + "," + old;
        Assert.True(WebhookSignature.Verify(Secret, header, Body, Now, WebhookSignature.DefaultTolerance));
        Assert.True(WebhookSignature.Verify("the-old-secret-0123456789", header, Body, Now, WebhookSignature.DefaultTolerance));
    }
}
