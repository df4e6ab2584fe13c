using DocStrange.Jobs.Tenancy;

namespace DocStrange.Jobs.Tests;

public sealed class ApiKeySecretsTests
{
    [Fact]
    public void A_secret_is_ds_live_and_32_base62_characters_and_never_repeats()
    {
        var secrets = Enumerable.Range(0, 200).Select(_ => ApiKeySecrets.NewSecret()).ToList();
        Assert.All(secrets, s => Assert.Matches("^ds_live_[0-9A-Za-z]{32}$", s));
        Assert.All(secrets, s => Assert.True(ApiKeySecrets.IsWellFormed(s)));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ds_live_")]
    [InlineData("ds_test_0123456789abcdefghijABCDEFGHIJ01")]
    [InlineData("ds_live_0123456789abcdefghijABCDEFGHIJ0")]
    [InlineData("ds_live_0123456789abcdefghijABCDEFGHIJ012")]
    [InlineData("ds_live_0123456789abcdefghij-BCDEFGHIJ01")]
    public void Other_text_is_not_a_secret(string? text) => Assert.False(ApiKeySecrets.IsWellFormed(text));

    [Fact]
    public void The_hash_is_the_hex_sha256_and_the_prefix_is_short()
    {
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeySecrets.Hash("abc"));
        var secret = ApiKeySecrets.NewSecret();
        Assert.Equal(secret[..12], ApiKeySecrets.PrefixOf(secret));
        Assert.StartsWith("ds_live_", ApiKeySecrets.PrefixOf(secret));
    }

    [Fact]
    public void Key_ids_are_key_and_20_base62_characters()
    {
        var id = ApiKeySecrets.NewId();
        Assert.Matches("^key_[0-9A-Za-z]{20}$", id);
        Assert.True(ApiKeySecrets.IsWellFormedId(id));
        Assert.False(ApiKeySecrets.IsWellFormedId("key_../../etc"));
    }
}
