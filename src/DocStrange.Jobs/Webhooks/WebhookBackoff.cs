namespace DocStrange.Jobs.Webhooks;

/// <summary>When a failed delivery is tried again: exponential backoff with full jitter on the upper half.</summary>
public static class WebhookBackoff
{
    /// <summary>
    /// The delay after <paramref name="attempts"/> failed attempts: <c>BaseDelay × 2^(attempts−1)</c>,
    /// capped at <c>MaxDelay</c>, then a random point between half of it and all of it.
    /// </summary>
    public static TimeSpan DelayAfter(int attempts, WebhookOptions options, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ceiling = Math.Min(options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + 0.5 * Math.Clamp(random, 0, 1)));
    }
}
