using System.Data.Common;
using Amazon.Runtime;
using DocStrange.Jobs.Ports;
using DocStrange.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace DocStrange.Storage;

/// <summary>
/// Tells the outages of the adapters' dependencies by their drivers' exceptions: the database away,
/// the database file damaged, the object store away, or the disk full.
/// </summary>
public sealed class StorageFailureClassifier : IStorageFailureClassifier
{
    /// <summary>
    /// The HResults of a write refused for want of room: ENOSPC and EDQUOT on Linux (.NET gives the
    /// errno as the HResult), ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    /// </summary>
    private static readonly int[] OutOfSpaceResults = [28, 122, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>SQLITE_FULL: the database could not grow.</summary>
    private const int SqliteFull = 13;

    /// <inheritdoc />
    public StorageFailure? Classify(Exception exception) => exception switch
    {
        _ when IsOutOfSpace(exception) => StorageFailure.OutOfSpace,
        DamagedDatabaseException => StorageFailure.DatabaseDamaged,
        DbException or TimeoutException when IsFromDatabase(exception) => StorageFailure.DatabaseUnavailable,
        AmazonServiceException or AmazonClientException or BlobStoreUnavailableException => StorageFailure.BlobStoreUnavailable,
        _ => null,
    };

    /// <summary>Whether a file or the database could not be written because the disk (or the user's quota) is full.</summary>
    public static bool IsOutOfSpace(Exception exception) => exception switch
    {
        IOException io when OutOfSpaceResults.Contains(io.HResult) => true,
        SqliteException { SqliteErrorCode: SqliteFull } => true,
        _ => exception.InnerException is { } inner && IsOutOfSpace(inner),
    };

    private static bool IsFromDatabase(Exception exception) =>
        exception is DbException || exception.InnerException is DbException || exception.Source?.StartsWith("Npgsql", StringComparison.Ordinal) == true;
}
