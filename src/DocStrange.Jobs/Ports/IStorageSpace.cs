namespace DocStrange.Jobs.Ports;

/// <summary>
/// Optional capability of a local store: whether its disk has room for more files. A full disk otherwise
/// shows only as uploads and results failing one by one, while the store still answers every read.
/// </summary>
public interface IStorageSpace
{
    /// <summary>Why the store lacks room, in one line, or null when it has room.</summary>
    Task<string?> ShortageAsync(CancellationToken cancellationToken);
}
