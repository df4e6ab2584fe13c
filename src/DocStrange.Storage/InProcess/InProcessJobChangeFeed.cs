using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.InProcess;

/// <summary>The embedded mode's change feed: watchers of a job are signalled in process.</summary>
public sealed class InProcessJobChangeFeed : IJobChangeFeed
{
    private readonly Dictionary<string, HashSet<Watcher>> _watchers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Publish(string jobId)
    {
        lock (_watchers)
        {
            if (!_watchers.TryGetValue(jobId, out var set)) return;
            foreach (var watch in set) watch.Signal();
        }
    }

    /// <summary>Wakes every watcher of every job (they re-read and wait again if nothing changed).</summary>
    public void PublishAll()
    {
        lock (_watchers)
        {
            foreach (var set in _watchers.Values)
            {
                foreach (var watch in set) watch.Signal();
            }
        }
    }

    /// <inheritdoc />
    public IJobWatch Watch(string jobId)
    {
        var watch = new Watcher(this, jobId);
        lock (_watchers)
        {
            if (!_watchers.TryGetValue(jobId, out var set)) _watchers[jobId] = set = [];
            set.Add(watch);
        }
        return watch;
    }

    private void Remove(Watcher watch)
    {
        lock (_watchers)
        {
            if (_watchers.TryGetValue(watch.JobId, out var set) && set.Remove(watch) && set.Count == 0)
            {
                _watchers.Remove(watch.JobId);
            }
        }
    }

    private sealed class Watcher(InProcessJobChangeFeed feed, string jobId) : IJobWatch
    {
        private readonly SemaphoreSlim _changed = new(0, 1);

        public string JobId { get; } = jobId;

        public void Signal()
        {
            // Called only under the feed's lock, so the check and the release cannot race.
            // A change not yet consumed already wakes the next wait; more would add nothing.
            if (_changed.CurrentCount == 0) _changed.Release();
        }

        public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
            _changed.WaitAsync(timeout, cancellationToken);

        public void Dispose()
        {
            feed.Remove(this);
            _changed.Dispose();
        }
    }
}
