namespace DocStrange.Jobs.Ports;

/// <summary>The job database's schema.</summary>
public interface IJobStoreSchema
{
    /// <summary>Creates the tables or brings them to the newest schema.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}
