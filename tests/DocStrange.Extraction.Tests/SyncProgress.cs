namespace DocStrange.Extraction.Tests;

/// <summary>An <see cref="IProgress{T}"/> that records reports on the reporting thread (Progress&lt;T&gt; posts them later).</summary>
internal sealed class SyncProgress<T>(Action<T>? onReport = null) : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value)
    {
        lock (Reports) Reports.Add(value);
        onReport?.Invoke(value);
    }
}
