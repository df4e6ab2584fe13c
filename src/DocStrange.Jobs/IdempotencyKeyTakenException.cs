namespace DocStrange.Jobs;

/// <summary>Thrown by a job store when another job already holds the owner's <c>Idempotency-Key</c> (a concurrent submission won).</summary>
public sealed class IdempotencyKeyTakenException(string key, Exception inner)
    : Exception($"The idempotency key '{key}' is already used by another job.", inner)
{
    /// <summary>The key.</summary>
    public string Key { get; } = key;
}
