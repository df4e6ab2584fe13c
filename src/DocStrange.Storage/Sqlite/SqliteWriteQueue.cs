using System.Collections.Concurrent;

namespace DocStrange.Storage.Sqlite;

/// <summary>
/// The writers of one SQLite file in this process, let in one at a time in the order they came
/// (<see cref="SemaphoreSlim"/> releases its asynchronous waiters first in, first out).
/// </summary>
internal sealed class SqliteWriteQueue
{
    private static readonly ConcurrentDictionary<string, SqliteWriteQueue> Queues = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>The queue of the database at <paramref name="databasePath"/>, shared by every store over that file.</summary>
    public static SqliteWriteQueue For(string databasePath) => Queues.GetOrAdd(Path.GetFullPath(databasePath), _ => new SqliteWriteQueue());

    /// <summary>Waits for this writer's turn; disposing the answer gives the turn to the next.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turn.Release();
        }
    }
}
