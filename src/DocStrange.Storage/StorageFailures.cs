using System.Data.Common;
using Amazon.Runtime;
using DocStrange.Document.Errors;

namespace DocStrange.Storage;

/// <summary>
/// Names the outages of the adapters' dependencies, so callers answer them as what they are — the
/// database away is <c>SERVICE_UNAVAILABLE</c>, the object store away is <c>STORAGE_ERROR</c> — and
/// never as "not found" or "nothing to do".
/// </summary>
public static class StorageFailures
{
    /// <summary>The code for an exception from a store or the object store, or null when it is not one.</summary>
    public static ErrorCode? Classify(Exception exception) => exception switch
    {
        DbException or TimeoutException when IsFromDatabase(exception) => ErrorCode.ServiceUnavailable,
        AmazonServiceException or AmazonClientException or BlobStoreUnavailableException => ErrorCode.StorageError,
        _ => null,
    };

    private static bool IsFromDatabase(Exception exception) =>
        exception is DbException || exception.InnerException is DbException || exception.Source?.StartsWith("Npgsql", StringComparison.Ordinal) == true;
}
