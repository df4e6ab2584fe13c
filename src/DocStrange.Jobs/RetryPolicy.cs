namespace DocStrange.Jobs;

/// <summary>
/// When a transiently failed job is tried again: exponential backoff with "equal jitter" (half fixed,
/// half random), as described in the AWS Architecture Blog post "Exponential Backoff And Jitter"
/// (Brooker, 2015), so retries of many jobs that failed together do not arrive together.
/// </summary>
public sealed class RetryPolicy(JobsOptions options)
{
    /// <summary>Whether a job that has made <paramref name="attempts"/> attempts may be tried again.</summary>
    public bool CanRetry(int attempts, int maxRetries) => attempts <= maxRetries;

    /// <summary>The delay before attempt <paramref name="attempts"/> + 1.</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var ceiling = Math.Min(options.RetryMaxDelay.TotalMilliseconds, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var half = ceiling / 2;
        return TimeSpan.FromMilliseconds(half + Random.Shared.NextDouble() * half);
    }
}
