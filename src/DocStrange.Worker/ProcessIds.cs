namespace DocStrange.Worker;

/// <summary>Names for this process in shared tables (job leases, leaderships): the host and process, and a random part so a restarted process with a reused id is another name.</summary>
internal static class ProcessIds
{
    public static string New() => $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
