namespace DocStrange.Jobs.Ports;

/// <summary>
/// Where worker processes announce themselves, so any API replica (and every worker, for the owner cap
/// that follows the pool's slots) can count the live ones.
/// </summary>
public interface IWorkerRegistry : ILiveWorkers
{
    /// <summary>Records that the worker is alive, with its slots and how many are busy.</summary>
    Task HeartbeatAsync(WorkerHeartbeat heartbeat, CancellationToken cancellationToken);

    /// <summary>Removes a worker that stops.</summary>
    Task RemoveAsync(string workerId, CancellationToken cancellationToken);
}

/// <summary>One worker process's announcement, with the input kinds it converts (wire names such as <c>pdf</c>).</summary>
public sealed record WorkerHeartbeat(string WorkerId, string Pool, int Slots, int Busy, string Host, DateTimeOffset StartedAt)
{
    /// <summary>The input kinds this worker converts.</summary>
    public IReadOnlyCollection<string> Kinds { get; init; } = [];

    /// <summary>The OCR languages this worker has installed (Tesseract names such as <c>eng</c>).</summary>
    public IReadOnlyCollection<string> OcrLanguages { get; init; } = [];

    /// <summary>This worker's OCR engines: whether each reads, and on which execution provider.</summary>
    public IReadOnlyCollection<OcrEngineStatus> OcrEngines { get; init; } = [];
}
