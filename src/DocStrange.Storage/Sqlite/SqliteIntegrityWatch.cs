namespace DocStrange.Storage.Sqlite;

/// <summary>
/// The latest verdict of <see cref="SqliteIntegrity"/> on one file, for health probes: a verdict
/// stands for an interval, then the next probe has the file checked again, on the thread pool. The
/// very first probe waits for its check as long as its own time allows; later ones wait a second at
/// most and otherwise get the standing verdict while the check goes on, because checking a large
/// file takes longer than a probe may wait.
/// </summary>
internal sealed class SqliteIntegrityWatch(string databasePath, TimeSpan interval, TimeProvider time)
{
    /// <summary>How long a probe waits for a fresh verdict when an older one can answer instead.</summary>
    private static readonly TimeSpan FreshVerdictWait = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<string?>? _running;
    private (DateTimeOffset At, string? Damage)? _verdict;

    /// <summary>What is wrong with the file, or null when it is intact, by the latest check.</summary>
    public async Task<string?> DamageAsync(CancellationToken cancellationToken)
    {
        Task<string?> running;
        (DateTimeOffset At, string? Damage)? standing;
        lock (_gate)
        {
            standing = _verdict;
            if (standing is { } fresh && time.GetUtcNow() - fresh.At < interval) return fresh.Damage;
            running = _running ??= Task.Run(CheckAsync, CancellationToken.None);
        }
        if (standing is not { } older) return await running.WaitAsync(cancellationToken);
        try
        {
            return await running.WaitAsync(FreshVerdictWait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return older.Damage;
        }
    }

    /// <summary>Records a verdict made elsewhere (the check at start), so the first probe need not repeat it.</summary>
    public void Record(string? damage)
    {
        lock (_gate) _verdict = (time.GetUtcNow(), damage);
    }

    private async Task<string?> CheckAsync()
    {
        try
        {
            var damage = await SqliteIntegrity.FindDamageAsync(databasePath, CancellationToken.None);
            Record(damage);
            return damage;
        }
        finally
        {
            lock (_gate) _running = null;
        }
    }
}
