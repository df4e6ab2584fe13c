namespace DocStrange.Jobs.Ports;

/// <summary>A worker's view of its lease after a heartbeat.</summary>
public sealed record LeaseStatus(bool Held, bool CancelRequested);
