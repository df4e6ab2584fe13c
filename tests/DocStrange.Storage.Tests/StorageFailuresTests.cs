using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.Tests;

/// <summary>A full disk is a storage error the caller can wait out, not an unexplained fault.</summary>
public sealed class StorageFailuresTests
{
    private readonly StorageFailureClassifier _classifier = new();

    [Fact]
    public void A_write_refused_for_want_of_room_is_a_storage_error()
    {
        var full = new IOException("No space left on device", 28);

        Assert.True(StorageFailureClassifier.IsOutOfSpace(full));
        Assert.Equal(StorageFailure.OutOfSpace, _classifier.Classify(full));
        Assert.Equal(StorageFailure.OutOfSpace, _classifier.Classify(new InvalidOperationException("wrapped", full)));
    }

    [Fact]
    public void Other_io_errors_are_not_taken_for_a_full_disk()
    {
        // A client that hangs up mid-upload is an IOException too; it must stay the caller's problem.
        var reset = new IOException("Connection reset by peer", 104);

        Assert.False(StorageFailureClassifier.IsOutOfSpace(reset));
        Assert.Null(_classifier.Classify(reset));
    }

    [Fact]
    public void A_damaged_database_file_is_told_apart_from_one_that_is_away()
    {
        Assert.Equal(StorageFailure.DatabaseDamaged, _classifier.Classify(new Sqlite.DamagedDatabaseException("jobs.db", "malformed")));
        Assert.Equal(StorageFailure.DatabaseUnavailable, _classifier.Classify(new TimeoutException("timeout", new Microsoft.Data.Sqlite.SqliteException("busy", 5))));
    }
}
