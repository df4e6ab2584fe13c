namespace DocStrange.Jobs.Ports;

/// <summary>What an exception from an adapter says about the dependency behind it.</summary>
public enum StorageFailure
{
    /// <summary>The job database is away or timed out: wait and retry.</summary>
    DatabaseUnavailable,

    /// <summary>The job database answers but its file is damaged: an operator has to restore it.</summary>
    DatabaseDamaged,

    /// <summary>The file store (a bucket) is away or refused the request.</summary>
    BlobStoreUnavailable,

    /// <summary>The disk (or the user's quota) is full: new files cannot be written until room is made.</summary>
    OutOfSpace,
}
