using System.Globalization;
using System.Runtime.CompilerServices;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// The global checkpoint: a persistent global store resumes after a clean close from the offsets the global thread
/// checkpointed; a store with no usable checkpoint is wiped and rebuilt; an in-memory one reads its topic again.
/// What the global thread reads is counted by the global table's timestamp extractor, which sees every record read.
/// </summary>
public sealed class GlobalStateCheckpointTests
{
    private const int Customers = 600;
    private const string Store = "customers-store";

    private static IEnumerable<(string Key, string Value)> CustomerRows(int count) => Enumerable.Range(0, count).Select(i => ($"c{i}", $"gold{i}"));

    /// <summary>Orders (value: a customer id) joined with the customer's row into "enriched"; the global table reads count into <paramref name="globalReads"/>.</summary>
    private static Topology Build(StrongBox<int> globalReads, IKeyValueBytesStoreSupplier? store = null)
    {
        var builder = new StreamsBuilder();
        var customers = builder.GlobalTable(
            "customers",
            Consumed.With(Serdes.String(), Serdes.String()) with
            {
                TimestampExtractor = (_, _, timestamp, _) =>
                {
                    Interlocked.Increment(ref globalReads.Value);
                    return timestamp;
                },
            },
            store is null ? Materialized.As<string, string>(Store) : Materialized.As<string, string>(store));
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.String()))
            .Join(customers, (_, customer) => customer, (customer, row) => $"{customer}@{row}")
            .To("enriched", Produced.With(Serdes.String(), Serdes.String()));
        return builder.Build();
    }

    private static EmbeddedKafkaCluster StartClusterWithTopics()
    {
        var cluster = StartCluster();
        cluster.CreateTopic("customers", 3);
        cluster.CreateTopic("orders", 2);
        cluster.CreateTopic("enriched", 1);
        return cluster;
    }

    private static string GlobalDirectory(string stateDir, string applicationId) => Path.Combine(stateDir, applicationId, "global");

    private static string CheckpointPath(string stateDir, string applicationId) => Path.Combine(GlobalDirectory(stateDir, applicationId), ".checkpoint");

    /// <summary>The checkpoint's "topic partition offset" lines.</summary>
    private static Dictionary<int, long> CheckpointedOffsets(string path) =>
        File.ReadAllLines(path).Skip(2).Select(line => line.Split(' ')).ToDictionary(p => int.Parse(p[1], CultureInfo.InvariantCulture), p => long.Parse(p[2], CultureInfo.InvariantCulture));

    /// <summary>Runs an instance until it is running, then closes it cleanly.</summary>
    private static async Task RunOnceAsync(EmbeddedKafkaCluster cluster, string applicationId, string stateDir, IKeyValueBytesStoreSupplier? store = null)
    {
        await using var streams = new KafkaStreams(Build(new StrongBox<int>(), store), Config(cluster, applicationId, stateDir), Options(cluster));
        await streams.StartAsync();
        await streams.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);
        await streams.CloseAsync();
    }

    private static Dictionary<string, string> Joined(EmbeddedKafkaCluster cluster, params string[] orders) =>
        Latest(ReadUntil(cluster, "enriched", r => orders.All(Latest(r, Utf8).ContainsKey)), Utf8);

    private static double GlobalRestored(KafkaStreams streams) =>
        streams.Metrics.Find("restore-total", "task-id", "-1_-1").Sum(s => s.Sum);

    [Fact]
    public async Task A_restart_after_a_clean_close_reads_only_the_records_after_the_checkpoint()
    {
        using var cluster = StartClusterWithTopics();
        Produce(cluster, "customers", CustomerRows(Customers));
        using var dir = new TempDir();
        await RunOnceAsync(cluster, "global-ckpt", dir.Path);

        // The next offset of each partition: together, every record of the topic.
        Assert.Equal(Customers, CheckpointedOffsets(CheckpointPath(dir.Path, "global-ckpt")).Values.Sum());
        Produce(cluster, "customers", [("c1", "platinum"), ("c-new", "silver")]);
        Produce(cluster, "orders", [("o1", "c1"), ("o2", "c2"), ("o3", "c-new")]);
        var globalReads = new StrongBox<int>();
        await using var second = new KafkaStreams(Build(globalReads), Config(cluster, "global-ckpt", dir.Path), Options(cluster));

        await second.StartAsync();

        Assert.Equal(2, Volatile.Read(ref globalReads.Value));
        Assert.Equal(2, GlobalRestored(second));

        // c2 was not read again: it comes from the store on disk.
        Assert.Equal(
            new Dictionary<string, string> { ["o1"] = "c1@platinum", ["o2"] = "c2@gold2", ["o3"] = "c-new@silver" },
            Joined(cluster, "o1", "o2", "o3"));
    }

    [Fact]
    public async Task A_fresh_state_directory_reads_the_whole_topic_and_reports_it_as_restored()
    {
        using var cluster = StartClusterWithTopics();
        Produce(cluster, "customers", CustomerRows(Customers));
        using var dir = new TempDir();
        var globalReads = new StrongBox<int>();
        await using var streams = new KafkaStreams(Build(globalReads), Config(cluster, "global-fresh", dir.Path), Options(cluster));

        await streams.StartAsync();

        Assert.Equal(Customers, Volatile.Read(ref globalReads.Value));
        Assert.Equal(Customers, GlobalRestored(streams));
        Assert.Equal(0, streams.Metrics.Find("restore-remaining-records-total", "task-id", "-1_-1").Single().Sum);
        Assert.False(File.Exists(CheckpointPath(dir.Path, "global-fresh")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_store_without_a_usable_checkpoint_is_wiped_and_rebuilt_from_the_beginning(bool outOfRange)
    {
        using var cluster = StartClusterWithTopics();
        Produce(cluster, "customers", CustomerRows(Customers));
        using var dir = new TempDir();
        await RunOnceAsync(cluster, "global-wipe", dir.Path);
        var checkpoint = CheckpointPath(dir.Path, "global-wipe");
        if (outOfRange)
        {
            // Past every partition's end, as after the topic was deleted and recreated.
            File.WriteAllText(checkpoint, "0\n3\ncustomers 0 100000\ncustomers 1 100000\ncustomers 2 100000\n");
        }
        else
        {
            // As after a crash before the first checkpoint: the store may hold part of the topic.
            File.Delete(checkpoint);
        }

        // A file the store never wrote: gone only if the store's directory was wiped.
        var storeDirectory = Path.Combine(GlobalDirectory(dir.Path, "global-wipe"), "rocksdb", Store);
        var planted = Path.Combine(storeDirectory, "planted");
        File.WriteAllText(planted, "not the store's");
        Produce(cluster, "customers", [("c1", "platinum")]);
        var globalReads = new StrongBox<int>();
        await using var second = new KafkaStreams(Build(globalReads), Config(cluster, "global-wipe", dir.Path), Options(cluster));

        await second.StartAsync();

        Assert.Equal(Customers + 1, Volatile.Read(ref globalReads.Value));
        Assert.True(Directory.Exists(storeDirectory));
        Assert.False(File.Exists(planted));
        Produce(cluster, "orders", [("o1", "c1"), ("o2", "c2")]);
        Assert.Equal(new Dictionary<string, string> { ["o1"] = "c1@platinum", ["o2"] = "c2@gold2" }, Joined(cluster, "o1", "o2"));
    }

    [Fact]
    public async Task An_in_memory_global_store_reads_its_topic_from_the_beginning_on_every_start()
    {
        using var cluster = StartClusterWithTopics();
        Produce(cluster, "customers", CustomerRows(Customers));
        using var dir = new TempDir();
        await RunOnceAsync(cluster, "global-memory", dir.Path, Stores.InMemoryKeyValueStore("customers-memory"));

        // Nothing of an in-memory store survives a close, so there is nothing to checkpoint.
        Assert.False(File.Exists(CheckpointPath(dir.Path, "global-memory")));
        Produce(cluster, "customers", [("c1", "platinum")]);
        var globalReads = new StrongBox<int>();
        await using var second = new KafkaStreams(
            Build(globalReads, Stores.InMemoryKeyValueStore("customers-memory")), Config(cluster, "global-memory", dir.Path), Options(cluster));

        await second.StartAsync();

        Assert.Equal(Customers + 1, Volatile.Read(ref globalReads.Value));
    }

    [Fact]
    public async Task A_running_global_thread_checkpoints_at_the_commit_interval_once_past_the_record_threshold()
    {
        using var cluster = StartClusterWithTopics();
        const int Rows = 10_050;
        Produce(cluster, "customers", CustomerRows(Rows));
        using var dir = new TempDir();
        var config = Config(cluster, "global-periodic", dir.Path);
        config.CommitInterval = TimeSpan.FromMilliseconds(200);
        await using var streams = new KafkaStreams(Build(new StrongBox<int>()), config, Options(cluster));

        await streams.StartAsync();
        var checkpoint = CheckpointPath(dir.Path, "global-periodic");
        await WaitUntil(() => File.Exists(checkpoint));

        // Written while running, not by a close.
        Assert.Contains(streams.State, new[] { KafkaStreamsState.Rebalancing, KafkaStreamsState.Running });
        Assert.Equal(Rows, CheckpointedOffsets(checkpoint).Values.Sum());
    }

    [Theory]
    [InlineData(false, "rocksdb-state-id", Store)]
    [InlineData(true, "in-memory-state-id", "customers-memory")]
    public async Task The_global_store_reports_its_size_under_the_global_thread_and_task(bool inMemory, string storeTag, string storeName)
    {
        using var cluster = StartClusterWithTopics();
        Produce(cluster, "customers", CustomerRows(Customers));
        using var dir = new TempDir();
        var store = inMemory ? Stores.InMemoryKeyValueStore(storeName) : null;
        await using var streams = new KafkaStreams(Build(new StrongBox<int>(), store), Config(cluster, "global-size", dir.Path), Options(cluster));
        await streams.StartAsync();

        var gauge = Assert.Single(streams.Metrics.ReadGauges(), g => g.Name.Name == "estimate-num-keys" && g.Name.Tag(storeTag) == storeName);

        Assert.Equal("stream-state-metrics", gauge.Name.Group);
        Assert.Equal("-1_-1", gauge.Name.Tag("task-id"));
        Assert.EndsWith("-GlobalStreamThread", gauge.Name.Tag("thread-id"), StringComparison.Ordinal);
        Assert.Equal(Customers, gauge.Value);
        Produce(cluster, "customers", [("c-new", "silver")]);
        await WaitUntil(() => streams.Metrics.ReadGauges().Any(g => g.Name.Name == "estimate-num-keys" && g.Name.Tag(storeTag) == storeName && g.Value == Customers + 1));
        await streams.CloseAsync();
        Assert.DoesNotContain(streams.Metrics.ReadGauges(), g => g.Name.Tag(storeTag) == storeName);
    }
}
