using DocStrange.Storage.FileSystem;

namespace DocStrange.Storage.Tests;

/// <summary>The data folder's room: free space against the configured threshold, and a write that works.</summary>
public sealed class DataFolderSpaceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-space-").FullName;

    [Fact]
    public async Task A_folder_with_room_has_no_shortage_and_the_probe_leaves_nothing_behind()
    {
        Assert.Null(await new DataFolderSpace(_dir, minFreeBytes: 1).ShortageAsync(default));
        Assert.Null(await new DataFolderSpace(_dir, minFreeBytes: 0).ShortageAsync(default));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task Less_free_space_than_the_threshold_is_a_shortage_that_names_the_setting()
    {
        var shortage = await new DataFolderSpace(_dir, minFreeBytes: long.MaxValue).ShortageAsync(default);

        Assert.NotNull(shortage);
        Assert.Contains("DocStrange:Storage:MinFreeBytes", shortage);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
