using DocStrange.Extraction;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker;

/// <summary>
/// Watches one running attempt: collects progress from the converter, writes it (and so renews the
/// lease) at a steady pace, and cancels the attempt when a cancel is asked or the lease is lost.
/// </summary>
internal sealed class AttemptMonitor : IProgress<ConversionProgress>, IAsyncDisposable
{
    private readonly IJobQueue _queue;
    private readonly IJobReader _reader;
    private readonly IJobChangeFeed _changes;
    private readonly Job _job;
    private readonly string _workerId;
    private readonly WorkerOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private JobProgress _latest = new("parsing");
    private JobProgress? _written;

    public AttemptMonitor(IJobQueue queue, IJobReader reader, IJobChangeFeed changes, Job job, string workerId, WorkerOptions options, ILogger logger, CancellationToken outer)
    {
        _changes = changes;
        _logger = logger;
        _queue = queue;
        _reader = reader;
        _job = job;
        _workerId = workerId;
        _options = options;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _stop.CancelAfter(options.SoftTimeout);
        Token = _stop.Token;
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    /// <summary>Cancelled when the attempt must stop: cancel asked, lease lost, time limit, shutdown.</summary>
    public CancellationToken Token { get; }

    /// <summary>A cancel was asked for the job.</summary>
    public bool CancelRequested { get; private set; }

    /// <summary>Another worker owns the job now (our lease ran out); nothing of this attempt may be written.</summary>
    public bool LeaseLost { get; private set; }

    /// <summary>The last page count reported.</summary>
    public JobProgress Latest => Volatile.Read(ref _latest);

    /// <inheritdoc />
    public void Report(ConversionProgress value) => Advance(latest => latest.Then(value.Stage, value.PagesDone, value.PagesTotal));

    /// <summary>Sets the stage outside the converter (exporting, uploading).</summary>
    public void Stage(string stage) => Advance(latest => latest.Then(stage, latest.PagesDone, latest.PagesTotal));

    /// <summary>
    /// Replaces the latest progress with the next one, atomically: OCR reports pages from several threads at
    /// once, and a report built on a stale one must not write a lower percent over a higher.
    /// </summary>
    private void Advance(Func<JobProgress, JobProgress> next)
    {
        while (true)
        {
            var latest = Volatile.Read(ref _latest);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _latest, next(latest), latest), latest)) return;
        }
    }

    /// <summary>Writes the latest progress now, and checks the lease and cancel flag.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var progress = Latest;
        var status = await _queue.ReportProgressAsync(_job.Id, _workerId, progress, _options.LeaseDuration, cancellationToken);
        // Event streams follow progress; long-polls wake too, re-read, and wait on while the status is unchanged.
        if (status.Held && progress != _written) _changes.Publish(_job.Id);
        _written = progress;
        if (!status.Held)
        {
            LeaseLost = true;
            await _stop.CancelAsync();
        }
        else if (status.CancelRequested)
        {
            CancelRequested = true;
            await _stop.CancelAsync();
        }
    }

    /// <summary>Reads the job: a cancel request or a lost lease stops the attempt; nothing is written.</summary>
    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var job = await _reader.GetAsync(_job.Id, cancellationToken);
        if (job is null || job.State != JobState.Processing || job.LeaseOwner != _workerId)
        {
            LeaseLost = true;
            await _stop.CancelAsync();
        }
        else if (job.CancelRequested)
        {
            CancelRequested = true;
            await _stop.CancelAsync();
        }
    }

    private async Task LoopAsync()
    {
        var heartbeat = TimeSpan.FromTicks(_options.LeaseDuration.Ticks / 3);
        var lastWrite = DateTime.UtcNow;
        // A change to the job (a cancel request, through any API replica) wakes the loop at once, so
        // the attempt stops at the page it is on instead of at the next progress write.
        using var watch = _changes.Watch(_job.Id);
        try
        {
            while (!Token.IsCancellationRequested)
            {
                var changed = await watch.WaitAsync(_options.ProgressInterval, Token);
                var due = Latest != _written || DateTime.UtcNow - lastWrite >= heartbeat;
                if (!changed && !due) continue;
                try
                {
                    if (due)
                    {
                        await FlushAsync(Token);
                        lastWrite = DateTime.UtcNow;
                    }
                    else
                    {
                        // Woken by a change (often this attempt's own progress): a read tells whether it was a cancel.
                        await CheckAsync(Token);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A missed heartbeat is retried on the next tick; if the database stays away the
                    // lease runs out and the rescuer hands the job to another worker.
                    _logger.LogWarning(ex, "Could not record progress of job {JobId}", _job.Id);
                }
            }
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            // The attempt is over; the runner reads the flags.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        finally
        {
            _stop.Dispose();
        }
    }
}
