namespace DocStrange.Jobs.Ports;

/// <summary>
/// The job table: the truth about every job and the queue workers claim from. Every state change is a
/// compare-and-set that also appends to the job's history. Failures of the database surface as
/// exceptions (never as "no job" or "nothing to do"). One adapter serves every role; a consumer asks
/// for the role it uses (<see cref="IJobQueue"/>, <see cref="IJobReader"/>, <see cref="IJobMaintenance"/>,
/// <see cref="IJobStoreSchema"/>, <see cref="IJobStoreHealth"/>), and this whole is for those that use several.
/// </summary>
public interface IJobStore : IJobQueue, IJobReader, IJobMaintenance, IJobStoreSchema, IJobStoreHealth;
