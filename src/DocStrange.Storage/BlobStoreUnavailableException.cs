namespace DocStrange.Storage;

/// <summary>The object store could not be reached (connection refused, reset, timed out): a transient <c>STORAGE_ERROR</c>.</summary>
public sealed class BlobStoreUnavailableException(string message, Exception inner) : Exception(message, inner);
