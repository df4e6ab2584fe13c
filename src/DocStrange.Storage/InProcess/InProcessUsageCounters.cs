using DocStrange.Jobs.Tenancy;

namespace DocStrange.Storage.InProcess;

/// <summary>
/// The counters of the embedded mode, where one process answers every request: a dictionary under a
/// lock. Windows past their end are swept now and then so the dictionary does not grow without bound.
/// </summary>
public sealed class InProcessUsageCounters(TimeProvider time) : IUsageCounters
{
    private readonly Dictionary<string, (long Count, DateTimeOffset ResetAt)> _counters = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public Task<CounterResult> TryAddAsync(string key, long amount, long limit, long floor, DateTimeOffset resetAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_counters)
        {
            Sweep(now);
            var exists = _counters.TryGetValue(key, out var entry) && entry.ResetAt > now;
            if (!exists && floor == IUsageCounters.UnknownFloor) return Task.FromResult(CounterResult.FloorNeeded);
            var current = Math.Max(exists ? entry.Count : 0, floor);
            if (current + amount > limit) return Task.FromResult(new CounterResult(false, current));
            _counters[key] = (current + amount, resetAt);
            return Task.FromResult(new CounterResult(true, current + amount));
        }
    }

    /// <inheritdoc />
    public Task SubtractAsync(string key, long amount, CancellationToken cancellationToken)
    {
        lock (_counters)
        {
            if (_counters.TryGetValue(key, out var entry)) _counters[key] = (Math.Max(0, entry.Count - amount), entry.ResetAt);
        }
        return Task.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep) return;
        _nextSweep = now.AddMinutes(1);
        foreach (var (key, entry) in _counters.ToList())
        {
            if (entry.ResetAt <= now) _counters.Remove(key);
        }
    }
}
