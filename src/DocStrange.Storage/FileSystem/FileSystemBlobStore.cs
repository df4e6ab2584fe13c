using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.FileSystem;

/// <summary>
/// Blobs as files under one root folder. A blob is written to a temporary name and renamed into
/// place, so a reader never sees half a file. Keys come from <see cref="BlobKeys"/>; anything that
/// would leave the root is refused.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore, IBlobKeyListing
{
    private readonly string _root;

    /// <summary>A store rooted at <paramref name="root"/> (created when missing).</summary>
    public FileSystemBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public async Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            long written;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                written = file.Length;
            }
            File.Move(temp, path, overwrite: true);
            return written;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Stream stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <inheritdoc />
    public Task<bool> CopyAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var source = PathOf(sourceKey);
        var path = PathOf(destinationKey);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            File.Copy(source, temp);
            File.Move(temp, path, overwrite: true);
            return Task.FromResult(true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            File.Delete(temp);
            return Task.FromResult(false);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(key);
        var dir = Path.GetDirectoryName(path)!;
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.CompletedTask; // Nothing of the job is stored: nothing to delete.
        }
        RemoveEmptyFolders(dir);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(prefix);
        if (prefix.EndsWith('/'))
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            RemoveEmptyFolders(Path.GetDirectoryName(path.TrimEnd(Path.DirectorySeparatorChar))!);
        }
        else
        {
            var dir = Path.GetDirectoryName(path)!;
            if (Directory.Exists(dir))
            {
                foreach (var file in Directory.EnumerateFiles(dir, Path.GetFileName(path) + "*")) File.Delete(file);
                RemoveEmptyFolders(dir);
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public IEnumerable<string> ListKeys(string prefix)
    {
        var path = PathOf(prefix);
        if (!prefix.EndsWith('/') || !Directory.Exists(path)) return [];
        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".partial", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'));
    }

    /// <inheritdoc />
    public Task PingAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root)) throw new DirectoryNotFoundException($"The blob folder {_root} is gone.");
        return Task.CompletedTask;
    }

    /// <summary>Removes <paramref name="dir"/> and its parents up to the root while they are empty, so deleted jobs leave no folders.</summary>
    private void RemoveEmptyFolders(string dir)
    {
        while (dir.Length > _root.Length && dir.StartsWith(_root, StringComparison.Ordinal) && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            try
            {
                Directory.Delete(dir);
            }
            catch (IOException)
            {
                return; // A blob arrived meanwhile: the folder is in use again.
            }
            dir = Path.GetDirectoryName(dir)!;
        }
    }

    private string PathOf(string key)
    {
        if (key.Length == 0 || key.Contains('\\') || key.Contains('\0') || key.Split('/').Any(part => part is ".." or "."))
        {
            throw new ArgumentException($"'{key}' is not a blob key.", nameof(key));
        }
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a blob key.", nameof(key));
        }
        return path;
    }
}
