using DocStrange.Document.Errors;

namespace DocStrange.Storage.Tests;

/// <summary>A full disk is a storage error the caller can wait out, not an unexplained fault.</summary>
public sealed class StorageFailuresTests
{
    [Fact]
    public void A_write_refused_for_want_of_room_is_a_storage_error()
    {
        var full = new IOException("No space left on device", 28);

        Assert.True(StorageFailures.IsOutOfSpace(full));
        Assert.Equal(ErrorCode.StorageError, StorageFailures.Classify(full));
        Assert.Equal(ErrorCode.StorageError, StorageFailures.Classify(new InvalidOperationException("wrapped", full)));
    }

    [Fact]
    public void Other_io_errors_are_not_taken_for_a_full_disk()
    {
        // A client that hangs up mid-upload is an IOException too; it must stay the caller's problem.
        var reset = new IOException("Connection reset by peer", 104);

        Assert.False(StorageFailures.IsOutOfSpace(reset));
        Assert.Null(StorageFailures.Classify(reset));
    }
}
