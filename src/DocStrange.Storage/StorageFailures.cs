using System.Data.Common;
using Amazon.Runtime;
using DocStrange.Document.Errors;
using Microsoft.Data.Sqlite;

namespace DocStrange.Storage;

/// <summary>
/// Names the outages of the adapters' dependencies, so callers answer them as what they are — the
/// database away is <c>SERVICE_UNAVAILABLE</c>, the object store away or the disk full is
/// <c>STORAGE_ERROR</c> — and never as "not found", "nothing to do" or an internal error.
/// </summary>
public static class StorageFailures
{
    /// <summary>
    /// The HResults of a write refused for want of room: ENOSPC and EDQUOT on Linux (.NET gives the
    /// errno as the HResult), ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    /// </summary>
    private static readonly int[] OutOfSpaceResults = [28, 122, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>SQLITE_FULL: the database could not grow.</summary>
    private const int SqliteFull = 13;

    /// <summary>The code for an exception from a store or the object store, or null when it is not one.</summary>
    public static ErrorCode? Classify(Exception exception) => exception switch
    {
        _ when IsOutOfSpace(exception) => ErrorCode.StorageError,
        DbException or TimeoutException when IsFromDatabase(exception) => ErrorCode.ServiceUnavailable,
        AmazonServiceException or AmazonClientException or BlobStoreUnavailableException => ErrorCode.StorageError,
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
