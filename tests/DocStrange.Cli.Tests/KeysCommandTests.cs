namespace DocStrange.Cli.Tests;

public sealed class KeysCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("docstrange-cli-keys-").FullName;

    private Task<CliRunner.Outcome> KeysAsync(params string[] args) => CliRunner.RunAsync(["keys", .. args, "--data", _data]);

    [Fact]
    public async Task Keys_are_created_listed_rotated_and_revoked_in_the_configured_store()
    {
        var created = await KeysAsync("create", "--name", "ci pipeline", "--owner", "ops@example.com", "--tier", "enterprise",
            "--expires", "2099-01-31", "--max-pages", "40");
        Assert.Equal(0, created.ExitCode);
        var secret = created.Stdout.Trim();
        Assert.Matches("^ds_live_[0-9A-Za-z]{32}$", secret);
        Assert.Contains("shown this once", created.Stderr);

        var list = await KeysAsync("list");
        Assert.Equal(0, list.ExitCode);
        var row = Assert.Single(list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Contains(secret[..12], row);
        Assert.DoesNotContain(secret, list.Stdout);
        Assert.Contains("ops@example.com", row);
        Assert.Contains("enterprise", row);
        Assert.Contains("2099-01-31T00:00:00Z", row);
        var id = row.Split(' ')[0];
        Assert.StartsWith("key_", id);

        var rotated = await KeysAsync("rotate", id);
        Assert.Equal(0, rotated.ExitCode);
        Assert.Matches("^ds_live_[0-9A-Za-z]{32}$", rotated.Stdout.Trim());
        Assert.NotEqual(secret, rotated.Stdout.Trim());

        Assert.Equal(0, (await KeysAsync("revoke", id)).ExitCode);
        Assert.Contains("revoked", (await KeysAsync("list")).Stdout);
        var again = await KeysAsync("rotate", id);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("revoked", again.Stderr);
    }

    [Fact]
    public async Task Bad_values_and_unknown_ids_are_refused_with_a_message()
    {
        var tier = await KeysAsync("create", "--name", "x", "--tier", "free");
        Assert.Equal(2, tier.ExitCode);
        Assert.Contains("INVALID_REQUEST", tier.Stderr);
        Assert.Equal("", tier.Stdout);
        var expires = await KeysAsync("create", "--name", "x", "--expires", "someday");
        Assert.Equal(2, expires.ExitCode);
        var unknown = await KeysAsync("revoke", "key_00000000000000000000");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no API key", unknown.Stderr);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
