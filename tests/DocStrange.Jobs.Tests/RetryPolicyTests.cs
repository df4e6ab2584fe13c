namespace DocStrange.Jobs.Tests;

public class RetryPolicyTests
{
    private readonly RetryPolicy _policy = new(new JobsOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromSeconds(60) });

    [Theory]
    [InlineData(1, 5, 10)]
    [InlineData(2, 10, 20)]
    [InlineData(3, 20, 40)]
    [InlineData(9, 30, 60)]
    public void Delay_doubles_with_jitter_and_is_capped(int attempts, double min, double max)
    {
        for (var i = 0; i < 200; i++)
        {
            var delay = _policy.DelayAfter(attempts).TotalSeconds;
            Assert.InRange(delay, min, max);
        }
    }

    [Theory]
    [InlineData(1, 3, true)]
    [InlineData(3, 3, true)]
    [InlineData(4, 3, false)]
    [InlineData(1, 0, false)]
    public void Retries_stop_after_the_maximum(int attempts, int maxRetries, bool expected) =>
        Assert.Equal(expected, _policy.CanRetry(attempts, maxRetries));
}
