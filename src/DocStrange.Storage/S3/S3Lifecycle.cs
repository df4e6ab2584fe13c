using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;

namespace DocStrange.Storage.S3;

/// <summary>
/// Applies the bucket lifecycle shipped in <c>deploy/s3/lifecycle.json</c> (the AWS CLI's JSON shape):
/// job files expire after the retention period, unfinished multipart uploads after a day. The rule's
/// prefix is placed under <see cref="S3Options.Prefix"/>.
/// </summary>
public static class S3Lifecycle
{
    /// <summary>The shipped rules (<c>deploy/s3/lifecycle.json</c>).</summary>
    public static string ShippedRules()
    {
        using var stream = typeof(S3Lifecycle).Assembly.GetManifestResourceStream("deploy.s3.lifecycle.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Reads the rules file and puts it on the bucket; returns the rules as applied.</summary>
    public static async Task<IReadOnlyList<LifecycleRule>> ApplyAsync(IAmazonS3 s3, S3Options options, string rulesJson, CancellationToken cancellationToken)
    {
        var rules = Parse(rulesJson, options.Prefix);
        await s3.PutLifecycleConfigurationAsync(new PutLifecycleConfigurationRequest
        {
            BucketName = options.Bucket,
            Configuration = new LifecycleConfiguration { Rules = [.. rules] },
        }, cancellationToken);
        return rules;
    }

    /// <summary>The rules of a lifecycle file, their prefixes placed under <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<LifecycleRule> Parse(string rulesJson, string prefix)
    {
        using var document = JsonDocument.Parse(rulesJson);
        var rules = new List<LifecycleRule>();
        foreach (var rule in document.RootElement.GetProperty("Rules").EnumerateArray())
        {
            var rulePrefix = rule.TryGetProperty("Filter", out var filter) && filter.TryGetProperty("Prefix", out var p) ? p.GetString() ?? "" : "";
            rules.Add(new LifecycleRule
            {
                Id = rule.GetProperty("ID").GetString(),
                Status = rule.GetProperty("Status").GetString() == "Enabled" ? LifecycleRuleStatus.Enabled : LifecycleRuleStatus.Disabled,
                Filter = new LifecycleFilter { LifecycleFilterPredicate = new LifecyclePrefixPredicate { Prefix = prefix + rulePrefix } },
                Expiration = rule.TryGetProperty("Expiration", out var expiration)
                    ? new LifecycleRuleExpiration { Days = expiration.GetProperty("Days").GetInt32() }
                    : null,
                AbortIncompleteMultipartUpload = rule.TryGetProperty("AbortIncompleteMultipartUpload", out var abort)
                    ? new LifecycleRuleAbortIncompleteMultipartUpload { DaysAfterInitiation = abort.GetProperty("DaysAfterInitiation").GetInt32() }
                    : null,
            });
        }
        return rules;
    }
}
