using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.TestApp;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// Under the consumer group protocol, a member that takes a killed member's tasks over keeps answering queries of
/// the keys of the tasks it had all along, while it restores the new ones; under the classic protocol it cannot, since
/// the rebalance revokes every task.
/// </summary>
public sealed class TakeoverQueryTests
{
    private static readonly StoreQueryParameters<IReadOnlyKeyValueStore<string, long>> Counts =
        StoreQueryParameters<IReadOnlyKeyValueStore<string, long>>.FromNameAndType(CountingTopology.Store, QueryableStoreTypes.KeyValueStore<string, long>());

    [Theory]
    [InlineData(GroupProtocol.Consumer, true)]
    [InlineData(GroupProtocol.Classic, false)]
    public async Task Own_keys_answer_all_through_taking_a_killed_member_s_tasks_over(GroupProtocol protocol, bool expectedAlways)
    {
        var app = $"takeover-query-{protocol}".ToLowerInvariant();
        using var cluster = StartCluster();
        cluster.CreateTopic(CountingTopology.Input(app), 2);
        cluster.CreateTopic(CountingTopology.Output(app), 2);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        var config = Config(cluster, app, dirA.Path);
        config.GroupProtocol = protocol;
        await using var survivor = new KafkaStreams(CountingTopology.Build(app), config, Options(cluster));
        await survivor.StartAsync();
        await WaitUntil(() => survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count == 4);
        using var victim = new WorkerProcess(
            cluster.BootstrapServers, app, dirB.Path, ProcessingGuarantee.AtLeastOnce, $"--group-protocol={protocol}", "session.timeout.ms=6000", "heartbeat.interval.ms=500");
        await victim.Running.WaitAsync(WaitTimeout);
        await WaitUntil(() => survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count < 4);
        Produce(cluster, CountingTopology.Input(app), Enumerable.Range(0, 100).Select(i => ($"k{i}", $"w{i % 10}")));
        var own = survivor.LocalActiveTasks.Where(t => t.Subtopology == 1).Select(t => t.Partition).ToHashSet();
        var words = Enumerable.Range(0, 10).Select(i => $"w{i}")
            .Select(w => (Word: w, Partition: survivor.QueryMetadataForKey(CountingTopology.Store, w, Serdes.String().Serializer).Partition))
            .Where(w => own.Contains(w.Partition))
            .ToList();
        Assert.NotEmpty(words);
        await WaitUntil(() => words.All(w => survivor.Store(Counts.WithPartition(w.Partition)).TryGet(w.Word, out var n) && n == 10));

        var failures = 0;
        using var stop = new CancellationTokenSource();
        var asking = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var (word, partition) in words)
                {
                    try
                    {
                        survivor.Store(Counts.WithPartition(partition)).TryGet(word, out _);
                    }
                    catch (InvalidStateStoreException)
                    {
                        failures++;
                    }
                }
            }
        });
        victim.Kill();
        await WaitUntil(() => survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count == 4);
        await stop.CancelAsync();
        await asking;

        Assert.Equal(expectedAlways, failures == 0);
    }
}
