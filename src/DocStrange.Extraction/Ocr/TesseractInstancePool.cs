using System.Collections.Concurrent;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Tesseract instances kept for reuse, per language set, and the gate that lets at most
/// <see cref="TesseractOptions.MaxParallelism"/> of them work at once across the whole process.
/// Instances are created on first need and kept; past twice the parallelism idle ones are dropped.
/// </summary>
internal sealed class TesseractInstancePool(TesseractOptions options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(Math.Max(1, options.MaxParallelism));
    private readonly ConcurrentDictionary<string, ConcurrentBag<TesseractInstance>> _idle = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<TesseractInstance> _orientation = [];
    private int _idleCount;
    private bool _disposed;

    /// <summary>Waits for a free slot and hands out an instance for <paramref name="languages"/>; dispose the lease to give both back.</summary>
    public async Task<Lease> RentAsync(string languages, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var instance = _idle.TryGetValue(languages, out var bag) && bag.TryTake(out var idle)
                ? idle
                : null;
            if (instance is not null) Interlocked.Decrement(ref _idleCount);
            return new Lease(this, instance ?? new TesseractInstance(options.DataPath, languages));
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    private void Return(TesseractInstance instance, bool healthy)
    {
        try
        {
            if (!healthy || _disposed || Volatile.Read(ref _idleCount) >= 2 * Math.Max(1, options.MaxParallelism))
            {
                instance.Dispose();
                return;
            }
            _idle.GetOrAdd(instance.Languages, _ => []).Add(instance);
            Interlocked.Increment(ref _idleCount);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// An orientation detector, taken by a caller that already holds a slot (so it needs no second one);
    /// give it back with <see cref="ReturnOrientationInstance"/>.
    /// </summary>
    public TesseractInstance TakeOrientationInstance() =>
        _orientation.TryTake(out var instance) ? instance : new TesseractInstance(options.DataPath, TesseractInstance.OrientationLanguage);

    /// <summary>Keeps a detector for the next caller.</summary>
    public void ReturnOrientationInstance(TesseractInstance instance)
    {
        if (_disposed) instance.Dispose();
        else _orientation.Add(instance);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        while (_orientation.TryTake(out var detector)) detector.Dispose();
        foreach (var bag in _idle.Values)
        {
            while (bag.TryTake(out var instance)) instance.Dispose();
        }
    }

    /// <summary>One instance on loan; <see cref="Fail"/> before disposing when it misbehaved, so it is not reused.</summary>
    public sealed class Lease(TesseractInstancePool pool, TesseractInstance instance) : IDisposable
    {
        private bool _healthy = true;
        private bool _returned;

        /// <summary>The instance.</summary>
        public TesseractInstance Instance => instance;

        /// <summary>Marks the instance as not to be reused.</summary>
        public void Fail() => _healthy = false;

        /// <inheritdoc />
        public void Dispose()
        {
            if (_returned) return;
            _returned = true;
            pool.Return(instance, _healthy);
        }
    }
}
