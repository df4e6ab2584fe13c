using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Tenancy;
using DocStrange.Storage;
using DocStrange.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace DocStrange.Cli.Commands;

/// <summary>
/// <c>docstrange keys create | list | revoke | rotate</c>: API keys managed directly in the configured
/// job database (the same configuration as <c>serve</c>, <c>api</c> and <c>migrate</c>), without the
/// admin key. A secret is printed once, alone on standard output, so a script can capture it.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Manage API keys in the job database (embedded unless DocStrange:Mode says distributed).");
        keys.Subcommands.Add(CreateKey());
        keys.Subcommands.Add(ListKeys());
        keys.Subcommands.Add(RevokeKey());
        keys.Subcommands.Add(RotateKey());
        return keys;
    }

    private static Command CreateKey()
    {
        var name = new Option<string>("--name") { Description = "What the key is for.", Required = true };
        var owner = new Option<string?>("--owner") { Description = "Who holds it: a team or an e-mail address." };
        var tier = new Option<string?>("--tier") { Description = "api_key (default) or enterprise." };
        var expires = new Option<string?>("--expires") { Description = "When it stops working: a date (UTC midnight) or an ISO 8601 time." };
        var perMinute = new Option<int?>("--requests-per-minute") { Description = "Requests per minute, in place of the tier's." };
        var perDay = new Option<int?>("--documents-per-day") { Description = "Documents per UTC day, in place of the tier's." };
        var perMonth = new Option<int?>("--documents-per-month") { Description = "Documents per UTC month, in place of the tier's." };
        var concurrent = new Option<int?>("--concurrent-jobs") { Description = "Jobs pending or running at once, in place of the tier's." };
        var maxBytes = new Option<long?>("--max-file-bytes") { Description = "The largest file in bytes, in place of the tier's." };
        var maxPages = new Option<int?>("--max-pages") { Description = "The most pages per document, in place of the tier's." };
        var command = new Command("create", "Make a key and print its secret (shown this once).")
        {
            name, owner, tier, expires, perMinute, perDay, perMonth, concurrent, maxBytes, maxPages, DataOption,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => WithStoreAsync(parse, async (services, token) =>
        {
            DateTimeOffset? expiresAt = null;
            if (parse.GetValue(expires) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"docstrange: --expires: \"{text}\" is not a date (e.g. 2027-01-31 or 2027-01-31T12:00:00Z)");
                    return 2;
                }
                expiresAt = parsed;
            }
            var limits = new TierLimits
            {
                RequestsPerMinute = parse.GetValue(perMinute), DocumentsPerDay = parse.GetValue(perDay), DocumentsPerMonth = parse.GetValue(perMonth),
                ConcurrentJobs = parse.GetValue(concurrent), MaxFileBytes = parse.GetValue(maxBytes), MaxPages = parse.GetValue(maxPages),
            };
            var request = new ApiKeyRequest(parse.GetValue(name)!, parse.GetValue(owner), parse.GetValue(tier), expiresAt,
                limits == new TierLimits() ? null : limits);
            var issued = await services.GetRequiredService<ApiKeyIssuer>().CreateAsync(request, token);
            await Console.Out.WriteLineAsync(issued.Secret);
            await Console.Error.WriteLineAsync(
                $"docstrange: created key {issued.Key.Id} \"{issued.Key.Name}\" (tier {issued.Key.Tier}); the secret above is shown this once");
            return 0;
        }, ct));
        return command;
    }

    private static Command ListKeys()
    {
        var command = new Command("list", "List the keys (never their secrets), newest first.") { DataOption };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => WithStoreAsync(parse, async (services, token) =>
        {
            var now = DateTimeOffset.UtcNow;
            var rows = (await services.GetRequiredService<IApiKeyStore>().ListAsync(token)).Select(k => new[]
            {
                k.Id, k.Prefix + "…", k.Name, k.Owner ?? "-", k.Tier, k.StatusAt(now), Date(k.CreatedAt), Date(k.ExpiresAt), Date(k.LastUsedAt),
            });
            await TextTable.WriteAsync(Console.Out, ["ID", "PREFIX", "NAME", "OWNER", "TIER", "STATUS", "CREATED", "EXPIRES", "LAST USED"], rows);
            return 0;
        }, ct));
        return command;
    }

    private static Command RevokeKey()
    {
        var id = new Argument<string>("id") { Description = "The key's id (key_…)." };
        var command = new Command("revoke", "Revoke a key: it stops working (on running API replicas within DocStrange:Security:KeyCacheTtl).") { id, DataOption };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => WithStoreAsync(parse, async (services, token) =>
        {
            var keyId = parse.GetValue(id)!;
            if (await services.GetRequiredService<IApiKeyStore>().RevokeAsync(keyId, DateTimeOffset.UtcNow, token) is not { } key)
            {
                return await NoSuchKeyAsync(keyId);
            }
            await Console.Out.WriteLineAsync($"docstrange: key {key.Id} \"{key.Name}\" revoked at {Date(key.RevokedAt)}");
            return 0;
        }, ct));
        return command;
    }

    private static Command RotateKey()
    {
        var id = new Argument<string>("id") { Description = "The key's id (key_…)." };
        var command = new Command("rotate", "Give a key a new secret (printed once); the old one stops working, its jobs stay its own.") { id, DataOption };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => WithStoreAsync(parse, async (services, token) =>
        {
            var keyId = parse.GetValue(id)!;
            if (await services.GetRequiredService<ApiKeyIssuer>().RotateAsync(keyId, token) is not { } issued)
            {
                if (await services.GetRequiredService<IApiKeyStore>().GetAsync(keyId, token) is null) return await NoSuchKeyAsync(keyId);
                await Console.Error.WriteLineAsync($"docstrange: key {keyId} is revoked and cannot be rotated; create a new key");
                return 1;
            }
            await Console.Out.WriteLineAsync(issued.Secret);
            await Console.Error.WriteLineAsync($"docstrange: key {issued.Key.Id} has a new secret, shown above this once; the old one no longer works");
            return 0;
        }, ct));
        return command;
    }

    private static readonly Option<string?> DataOption = new("--data") { Description = "The embedded mode's data folder (as given to serve)." };

    /// <summary>Opens the configured job database (migrated as serve would), runs the work, and turns known failures into one line and an exit code.</summary>
    private static async Task<int> WithStoreAsync(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        var settings = new List<string>(parse.UnmatchedTokens);
        HostSetup.Add(settings, $"{StorageOptions.Section}:DataDirectory", parse.GetValue(DataOption) is { } dir ? Path.GetFullPath(dir) : null);
        var builder = Host.CreateApplicationBuilder([.. settings]);
        builder.Logging.ClearProviders();
        try
        {
            builder.AddDocStrangeJobs(StorageModes.Embedded);
            using var host = builder.Build();
            var services = host.Services;
            if (services.GetService<PostgresOptions>() is not { MigrateOnStart: false })
            {
                await services.GetRequiredService<IJobStore>().MigrateAsync(ct);
            }
            return await work(services, ct);
        }
        catch (OptionsValidationException ex)
        {
            await HostSetup.ReportAsync(ex);
            return 1;
        }
        catch (DocStrangeException ex)
        {
            await Console.Error.WriteLineAsync($"docstrange: {ErrorCatalog.Get(ex.Code).Name}: {ex.Message}");
            return 2;
        }
        catch (DbException ex)
        {
            await Console.Error.WriteLineAsync($"docstrange: the job database failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> NoSuchKeyAsync(string keyId)
    {
        await Console.Error.WriteLineAsync($"docstrange: there is no API key '{keyId}'");
        return 1;
    }

    private static string Date(DateTimeOffset? at) => UtcTimes.Format(at);
}
