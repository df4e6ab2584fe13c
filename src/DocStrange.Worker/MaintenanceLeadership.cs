using DocStrange.Jobs.Ports;
using DocStrange.Worker.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker;

/// <summary>
/// Keeps this process in the running for the leadership of maintenance: takes it when it is free,
/// renews it every third of <see cref="WorkerOptions.LeadershipDuration"/>, gives it up on shutdown.
/// Lease rescue and retention run only while <see cref="IsLeader"/>, so many workers sweep once, not once
/// each. A leader that dies stops renewing and another takes over when its time runs out. The sweeps
/// stay compare-and-set: a moment with two leaders (one stalled past its time) repeats work, never
/// changes a job twice.
/// </summary>
public sealed class MaintenanceLeadership(
    ILeaderElection election, WorkerOptions options, WorkerMetrics metrics, TimeProvider time, ILogger<MaintenanceLeadership> logger)
    : BackgroundService
{
    /// <summary>The name of the leadership every worker competes for.</summary>
    public const string Name = "maintenance";

    private readonly Lock _gate = new();
    private DateTimeOffset _leadsUntil = DateTimeOffset.MinValue;
    private bool _reported;

    /// <summary>This process's name as a holder of the leadership.</summary>
    public string Holder { get; } = ProcessIds.New();

    /// <summary>
    /// Whether this process leads now: its last successful take or renewal is younger than the
    /// leadership's duration (counted from before the call, so never longer than the database holds it).
    /// </summary>
    public bool IsLeader
    {
        get
        {
            lock (_gate) return time.GetUtcNow() < _leadsUntil;
        }
    }

    /// <summary>Takes the leadership first, so the maintenance services starting after this one know at once whether they lead.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryLeadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.LeadershipDuration / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await TryLeadAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Gives the leadership up when this process holds it, so another worker takes over without waiting for it to run out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!IsLeader) return;
        lock (_gate) _leadsUntil = DateTimeOffset.MinValue;
        Report(false);
        try
        {
            await election.ReleaseAsync(Name, Holder, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not give up the maintenance leadership; another worker takes it when it runs out");
        }
    }

    /// <summary>One take or renewal; says whether this process leads after it. A failed call changes nothing: a lead already held runs out on its own.</summary>
    public async Task<bool> TryLeadAsync(CancellationToken cancellationToken)
    {
        var asked = time.GetUtcNow();
        try
        {
            var leads = await election.TryLeadAsync(Name, Holder, options.LeadershipDuration, cancellationToken);
            lock (_gate) _leadsUntil = leads ? asked + options.LeadershipDuration : DateTimeOffset.MinValue;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not take or renew the maintenance leadership; trying again in {Interval}", options.LeadershipDuration / 3);
        }
        var now = IsLeader;
        Report(now);
        return now;
    }

    private void Report(bool leads)
    {
        metrics.MaintenanceLeader(leads);
        lock (_gate)
        {
            if (leads == _reported) return;
            _reported = leads;
        }
        if (leads) logger.LogInformation("{Holder} now leads maintenance (lease rescue, retention)", Holder);
        else logger.LogInformation("{Holder} no longer leads maintenance", Holder);
    }
}
