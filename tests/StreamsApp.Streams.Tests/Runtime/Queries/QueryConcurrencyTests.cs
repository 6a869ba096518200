using StreamsApp.Streams.Runtime;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;
using static StreamsApp.Streams.Tests.Runtime.Queries.QueryTopology;

namespace StreamsApp.Streams.Tests.Runtime.Queries;

public sealed class QueryConcurrencyTests
{
    [Fact]
    public async Task A_reader_thread_querying_while_the_stream_thread_counts_sees_counts_only_grow()
    {
        const int Total = 20_000;
        using var cluster = StartCluster();
        cluster.CreateTopic(Input, 2);
        using var dir = new TempDir();
        var config = Config(cluster, "iq-concurrent", dir.Path);

        // A small cache: evictions flush it while the reader reads it, besides the commits every 100 ms.
        config.CacheMaxBytesBuffering = 2_000;
        await using var streams = new KafkaStreams(Build(), config, Options(cluster));
        await streams.StartAsync();
        await streams.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);
        var store = streams.Store(CountsStore);

        var reads = 0;
        var reader = Task.Factory.StartNew(
            () =>
            {
                var last = 0L;
                var deadline = DateTime.UtcNow + WaitTimeout;
                while (last < Total && DateTime.UtcNow < deadline)
                {
                    var hot = store.TryGet("hot", out var count) ? count : 0;
                    Assert.True(hot >= last, $"the count went back from {last} to {hot}");
                    last = hot;
                    Assert.All(store.All(), kv => Assert.True(kv.Value > 0));
                    reads++;
                }

                return last;
            },
            TaskCreationOptions.LongRunning);
        Produce(cluster, Input, Enumerable.Range(0, Total).Select(i => (i % 2 == 0 ? "hot" : $"cold{i % 500}", "x")));
        Produce(cluster, Input, Enumerable.Range(0, Total / 2).Select(_ => ("hot", "x")));

        Assert.Equal(Total, await reader);
        Assert.True(reads > 1, "the reader read while the counts grew");
    }
}
