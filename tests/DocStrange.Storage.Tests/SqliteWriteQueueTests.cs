using DocStrange.Storage.Sqlite;

namespace DocStrange.Storage.Tests;

public sealed class SqliteWriteQueueTests
{
    [Fact]
    public async Task Writers_get_their_turn_in_the_order_they_came_and_one_at_a_time()
    {
        var queue = SqliteWriteQueue.For(Path.Combine(Path.GetTempPath(), $"queue-{Guid.NewGuid():N}.db"));
        var first = await queue.EnterAsync(default);
        var order = new List<int>();
        var inside = 0;
        var waiting = Enumerable.Range(1, 5).Select(async n =>
        {
            using var turn = await queue.EnterAsync(default);
            Assert.Equal(1, Interlocked.Increment(ref inside));
            lock (order) order.Add(n);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        }).ToArray();

        Assert.Empty(order);
        first.Dispose();
        first.Dispose(); // a second release gives nothing away
        await Task.WhenAll(waiting);
        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public void Stores_over_the_same_file_share_one_queue()
    {
        var path = Path.Combine(Path.GetTempPath(), $"queue-{Guid.NewGuid():N}.db");
        Assert.Same(SqliteWriteQueue.For(path), SqliteWriteQueue.For(Path.Combine(Path.GetDirectoryName(path)!, ".", Path.GetFileName(path))));
        Assert.NotSame(SqliteWriteQueue.For(path), SqliteWriteQueue.For(path + "-other"));
    }
}
