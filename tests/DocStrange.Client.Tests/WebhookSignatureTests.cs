using System.Security.Cryptography;
using System.Text;

namespace DocStrange.Client.Tests;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test_secret";
    private const string Body = """{"event":"job.completed","job_id":"job_aseqxn4ddda2j6ecj36di3fspq","status":"completed"}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>The signature as the contract defines it, computed here independently of the client.</summary>
    private static string Sign(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static string Header(long timestamp, params string[] signatures) =>
        $"t={timestamp}," + string.Join(",", signatures.Select(s => $"v1={s}"));

    [Fact]
    public void A_signature_made_by_the_contract_verifies()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.True(WebhookSignature.Verify(Secret, Header(t, Sign(Secret, t, Body)), Body, Tolerance, Now));
        Assert.Equal(Header(t, Sign(Secret, t, Body)), WebhookSignature.Create(Secret, Body, Now));
    }

    [Fact]
    public void Upper_case_hex_and_spaces_after_commas_are_accepted()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.True(WebhookSignature.Verify(Secret, $"t={t}, v1={Sign(Secret, t, Body).ToUpperInvariant()}", Body, Tolerance, Now));
    }

    [Fact]
    public void A_tampered_body_fails()
    {
        var header = WebhookSignature.Create(Secret, Body, Now);
        Assert.False(WebhookSignature.Verify(Secret, header, Body.Replace("completed", "failed"), Tolerance, Now));
        Assert.False(WebhookSignature.Verify(Secret, header, Body + " ", Tolerance, Now));
    }

    [Fact]
    public void A_wrong_secret_fails() =>
        Assert.False(WebhookSignature.Verify("whsec_other", WebhookSignature.Create(Secret, Body, Now), Body, Tolerance, Now));

    [Fact]
    public void A_changed_timestamp_fails()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.False(WebhookSignature.Verify(Secret, Header(t + 1, Sign(Secret, t, Body)), Body, Tolerance, Now));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_beyond_the_tolerance_fails(int offsetSeconds)
    {
        var header = WebhookSignature.Create(Secret, Body, Now.AddSeconds(offsetSeconds));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, Tolerance, Now));
    }

    [Fact]
    public void A_timestamp_within_the_tolerance_verifies() =>
        Assert.True(WebhookSignature.Verify(Secret, WebhookSignature.Create(Secret, Body, Now.AddSeconds(-299)), Body, Tolerance, Now));

    [Fact]
    public void Any_of_several_signatures_may_match_during_secret_rotation()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = Header(t, Sign("whsec_old", t, Body), Sign(Secret, t, Body));
        Assert.True(WebhookSignature.Verify(Secret, header, Body, Tolerance, Now));
        Assert.True(WebhookSignature.Verify("whsec_old", header, Body, Tolerance, Now));
        Assert.False(WebhookSignature.Verify("whsec_neither", header, Body, Tolerance, Now));
    }

    [Fact]
    public void Other_schemes_are_ignored()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.True(WebhookSignature.Verify(Secret, $"t={t},v0=abc,v1={Sign(Secret, t, Body)}", Body, Tolerance, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("garbage")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1795867200")]
    [InlineData("t=1795867200,v1=")]
    [InlineData("t=1795867200,v1=abc")]
    [InlineData("t=1795867200,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-5,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=99999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1795867200,t=1795867200,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("=1795867200,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_malformed_header_fails(string header) =>
        Assert.False(WebhookSignature.Verify(Secret, header, Body, Tolerance, Now));

    [Fact]
    public void A_malformed_header_with_the_right_signature_inside_still_fails()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.False(WebhookSignature.Verify(Secret, $"t={t},v1={Sign(Secret, t, Body)},junk", Body, Tolerance, Now));
    }
}
