using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;
using static StreamsApp.Streams.Tests.Runtime.Queries.QueryTopology;

namespace StreamsApp.Streams.Tests.Runtime.Queries;

public sealed class InteractiveQueryTests
{
    private const long Minute10 = 600_000;

    [Fact]
    public async Task Key_value_window_and_session_stores_answer_with_values_still_in_the_cache()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic(Input, 1);
        using var dir = new TempDir();
        var config = Config(cluster, "iq-cache", dir.Path);
        config.CommitInterval = TimeSpan.FromHours(1);
        await using var streams = new KafkaStreams(Build(), config, Options(cluster));
        await streams.StartAsync();
        await streams.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);

        Produce(cluster, Input, [("a", "x"), ("b", "x"), ("a", "x")], timestamp: Minute10 + 1);

        var counts = streams.Store(CountsStore);
        await WaitUntil(() => counts.TryGet("a", out var n) && n == 2);
        Assert.Equal([("a", 2L), ("b", 1L)], counts.All().Select(kv => (kv.Key, kv.Value)));
        Assert.Equal([("b", 1L), ("a", 2L)], counts.ReverseAll().Select(kv => (kv.Key, kv.Value)));
        Assert.False(counts.TryGet("c", out _));
        var windows = streams.Store(StoreQueryParameters<IReadOnlyWindowStore<string, long>>.FromNameAndType(
            WindowedCounts, QueryableStoreTypes.WindowStore<string, long>()));
        Assert.True(windows.TryFetch("a", Minute10, out var windowed));
        Assert.Equal(2, windowed);
        Assert.Equal([(Minute10, 2L)], windows.Fetch("a", 0, long.MaxValue).Select(kv => (kv.Key, kv.Value)));
        Assert.Equal([("a", 2L), ("b", 1L)], windows.FetchAll(0, long.MaxValue).Select(kv => (kv.Key.Key, kv.Value)));
        var sessions = streams.Store(StoreQueryParameters<IReadOnlySessionStore<string, long>>.FromNameAndType(
            SessionCounts, QueryableStoreTypes.SessionStore<string, long>()));
        Assert.Equal([(Minute10 + 1, Minute10 + 1, 2L)], sessions.Fetch("a").Select(kv => (kv.Key.Window.StartMs, kv.Key.Window.EndMs, kv.Value)));

        // Without an application server the instance knows only itself, as an unavailable host.
        Assert.Equal(new KeyQueryMetadata(HostInfo.Unavailable, 0), OwnerOf(streams, "a"));
        var self = Assert.Single(streams.MetadataForAllStreamsClients());
        Assert.Equal(HostInfo.Unavailable, self.HostInfo);
        Assert.Equal([new Confluent.Kafka.TopicPartition(Input, 0)], self.TopicPartitions);
        Assert.True(Committed(cluster, "iq-cache", Input) < 0, "nothing is committed yet, so the counts come from the cache");
    }

    [Fact]
    public async Task Store_throws_what_Kafka_Streams_throws_before_start_for_bad_queries_and_after_close()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic(Input, 2);
        using var dir = new TempDir();
        await using var streams = new KafkaStreams(Build(), Config(cluster, "iq-errors", dir.Path), Options(cluster));

        Assert.Throws<StreamsNotStartedException>(() => streams.Store(CountsStore));
        Assert.Throws<StreamsNotStartedException>(() => OwnerOf(streams, "a"));
        await streams.StartAsync();
        await streams.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);

        var unknown = Assert.Throws<UnknownStateStoreException>(() => streams.Store(
            StoreQueryParameters<IReadOnlyKeyValueStore<string, long>>.FromNameAndType("nope", QueryableStoreTypes.KeyValueStore<string, long>())));
        Assert.Contains("check the name", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidStateStorePartitionException>(() => streams.Store(CountsStore.WithPartition(2)));
        var wrongType = Assert.Throws<InvalidStateStoreException>(() => streams.Store(
            StoreQueryParameters<IReadOnlyWindowStore<string, long>>.FromNameAndType(Counts, QueryableStoreTypes.WindowStore<string, long>())));
        Assert.Equal(typeof(InvalidStateStoreException), wrongType.GetType());
        var view = streams.Store(CountsStore);
        Assert.False(view.TryGet("a", out _));

        await streams.CloseAsync();

        Assert.Throws<StateStoreNotAvailableException>(() => streams.Store(CountsStore));
        Assert.Throws<StateStoreNotAvailableException>(() => view.TryGet("a", out _));
    }

    [Fact]
    public async Task A_store_being_restored_throws_migrated_until_restoration_completes()
    {
        using var cluster = StartCluster();
        using var dir = new TempDir();
        await CountTwoClicksAsync(cluster, "iq-restore", dir.Path);

        using var gated = new GatedRestoreSupplier(Counts);
        await using var second = new KafkaStreams(Build(gated), Config(cluster, "iq-restore", dir.Path), Options(cluster));
        await second.StartAsync();
        await WaitUntil(() => gated.Restoring.IsSet);

        var error = Assert.Throws<StateStoreMigratedException>(() => second.Store(CountsStore));
        Assert.Contains("retry later", error.Message, StringComparison.Ordinal);
        gated.Release();
        await second.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);
        Assert.Equal(2, CountOf(second, "a"));
    }

    [Fact]
    public async Task Stale_stores_answer_from_a_restoring_store_that_a_plain_query_may_not_read()
    {
        using var cluster = StartCluster();
        using var dir = new TempDir();
        await CountTwoClicksAsync(cluster, "iq-stale", dir.Path);

        using var gated = new GatedRestoreSupplier(Counts);
        gated.Release();
        await using var second = new KafkaStreams(Build(gated), Config(cluster, "iq-stale", dir.Path), Options(cluster));
        var staleCounts = new List<long?>();
        var plainErrors = new List<Exception?>();

        // Read on the restoring thread between batches, when no query can see the store as running.
        gated.AfterBatch = () =>
        {
            staleCounts.Add(second.Store(CountsStore.EnableStaleStores()).TryGet("a", out var n) ? n : null);
            plainErrors.Add(Record.Exception(() => second.Store(CountsStore).TryGet("a", out _)));
        };
        await second.StartAsync();
        await second.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);

        Assert.Equal(2, staleCounts[^1]);
        Assert.All(plainErrors, e => Assert.IsType<StateStoreMigratedException>(e));
        Assert.Equal(2, CountOf(second, "a"));
    }

    /// <summary>Counts two clicks on key <c>a</c> in an in-memory store, then closes: a restart restores them from the changelog.</summary>
    private static async Task CountTwoClicksAsync(Kafka.Embedded.EmbeddedKafkaCluster cluster, string applicationId, string stateDir)
    {
        cluster.CreateTopic(Input, 1);
        await using var first = new KafkaStreams(Build(Stores.InMemoryKeyValueStore(Counts)), Config(cluster, applicationId, stateDir), Options(cluster));
        await first.StartAsync();
        Produce(cluster, Input, [("a", "x"), ("a", "x")]);
        await WaitUntil(() => CountOf(first, "a") == 2);
    }
}
