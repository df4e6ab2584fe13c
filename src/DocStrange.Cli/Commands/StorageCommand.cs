using System.CommandLine;
using Amazon.S3;
using DocStrange.Storage;
using DocStrange.Storage.S3;
using Microsoft.Extensions.Options;

namespace DocStrange.Cli.Commands;

/// <summary><c>docstrange storage lifecycle [--file F]</c>: puts the retention rule on the distributed mode's bucket.</summary>
internal static class StorageCommand
{
    public static Command Create()
    {
        var file = new Option<string?>("--file") { Description = "A lifecycle file in the AWS CLI's JSON shape (default: the shipped deploy/s3/lifecycle.json)." };
        var lifecycle = new Command("lifecycle", "Apply the bucket lifecycle (job files deleted after 30 days) to the configured S3 bucket.") { file };
        lifecycle.TreatUnmatchedTokensAsErrors = false;
        lifecycle.SetAction(async (parse, ct) =>
        {
            var builder = Host.CreateApplicationBuilder([.. parse.UnmatchedTokens]);
            builder.Logging.ClearProviders();
            try
            {
                builder.AddDocStrangeJobs(StorageModes.Distributed);
                using var host = builder.Build();
                var options = host.Services.GetRequiredService<S3Options>();
                var rulesJson = parse.GetValue(file) is { } path ? await File.ReadAllTextAsync(path, ct) : S3Lifecycle.ShippedRules();
                var rules = await S3Lifecycle.ApplyAsync(host.Services.GetRequiredService<IAmazonS3>(), options, rulesJson, ct);
                foreach (var rule in rules)
                {
                    await Console.Out.WriteLineAsync($"docstrange: bucket {options.Bucket}: rule {rule.Id} applied (expire after {rule.Expiration?.Days} days)");
                }
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                await HostSetup.ReportAsync(ex);
                return 1;
            }
            catch (AmazonS3Exception ex)
            {
                await Console.Error.WriteLineAsync($"docstrange: the S3 server refused the lifecycle: {ex.ErrorCode} {ex.Message}");
                return 1;
            }
        });
        return new Command("storage", "Manage the distributed mode's object store.") { lifecycle };
    }
}
