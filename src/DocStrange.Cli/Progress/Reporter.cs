namespace DocStrange.Cli.Progress;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its action at once, on the reporting thread: unlike
/// <see cref="Progress{T}"/>, which posts reports to the thread pool, where they can arrive out of order.
/// </summary>
internal sealed class Reporter<T>(Action<T> action) : IProgress<T>
{
    public void Report(T value) => action(value);
}
