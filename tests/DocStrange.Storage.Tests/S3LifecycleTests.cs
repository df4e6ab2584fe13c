using DocStrange.Storage.S3;

namespace DocStrange.Storage.Tests;

public class S3LifecycleTests
{
    [Fact]
    public void The_shipped_rule_expires_job_files_after_30_days_under_the_configured_prefix()
    {
        var rule = S3Lifecycle.Parse(S3Lifecycle.ShippedRules(), "tenant-a/").Single(r => r.Id == "docstrange-expire-job-files");
        Assert.Equal("docstrange-expire-job-files", rule.Id);
        Assert.Equal(30, rule.Expiration.Days);
        Assert.Equal(1, rule.AbortIncompleteMultipartUpload.DaysAfterInitiation);
        var prefix = Assert.IsType<Amazon.S3.Model.LifecyclePrefixPredicate>(rule.Filter.LifecycleFilterPredicate);
        Assert.Equal("tenant-a/jobs/", prefix.Prefix);
    }

    [Fact]
    public void The_shipped_rules_drop_stale_resumable_uploads()
    {
        var rule = S3Lifecycle.Parse(S3Lifecycle.ShippedRules(), "tenant-a/").Single(r => r.Id == "docstrange-expire-resumable-uploads");
        Assert.Equal(2, rule.Expiration.Days);
        var prefix = Assert.IsType<Amazon.S3.Model.LifecyclePrefixPredicate>(rule.Filter.LifecycleFilterPredicate);
        Assert.Equal("tenant-a/uploads/", prefix.Prefix);
    }
}
