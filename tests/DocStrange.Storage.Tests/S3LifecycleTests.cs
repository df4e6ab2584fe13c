using DocStrange.Storage.S3;

namespace DocStrange.Storage.Tests;

public class S3LifecycleTests
{
    [Fact]
    public void The_shipped_rule_expires_job_files_after_30_days_under_the_configured_prefix()
    {
        var rule = Assert.Single(S3Lifecycle.Parse(S3Lifecycle.ShippedRules(), "tenant-a/"));
        Assert.Equal("docstrange-expire-job-files", rule.Id);
        Assert.Equal(30, rule.Expiration.Days);
        Assert.Equal(1, rule.AbortIncompleteMultipartUpload.DaysAfterInitiation);
        var prefix = Assert.IsType<Amazon.S3.Model.LifecyclePrefixPredicate>(rule.Filter.LifecycleFilterPredicate);
        Assert.Equal("tenant-a/jobs/", prefix.Prefix);
    }
}
