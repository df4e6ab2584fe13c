namespace DocStrange.Jobs.Tenancy;

/// <summary>
/// The documents a submission reserved on the quota counters. Disposing it gives back whatever was not
/// kept, so a submission refused later (bad file, storage failure, an idempotent replay) costs no quota.
/// </summary>
public sealed class AdmissionTicket : IAsyncDisposable
{
    private readonly IUsageCounters? _counters;
    private readonly List<(string Key, int Amount)> _reserved = [];
    private int _kept;

    internal AdmissionTicket(IUsageCounters? counters) => _counters = counters;

    /// <summary>A ticket that reserved nothing (a caller without document limits).</summary>
    public static AdmissionTicket None => new(null);

    internal void Add(string key, int amount) => _reserved.Add((key, amount));

    /// <summary>Keeps <paramref name="documents"/> of the reservation: that many jobs were made.</summary>
    public void Keep(int documents = int.MaxValue) => _kept = Math.Max(_kept, documents);

    /// <summary>Gives back the part of the reservation that was not kept.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_counters is null) return;
        foreach (var (key, amount) in _reserved)
        {
            var unused = amount - Math.Min(amount, _kept);
            if (unused > 0) await _counters.SubtractAsync(key, unused, CancellationToken.None);
        }
        _reserved.Clear();
    }
}
