using System.Runtime.CompilerServices;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// A GlobalKTable on the runtime: bootstrapped from every partition of its topic before any stream thread
/// processes, kept up to date while running, and read again in full by an instance on a fresh state directory.
/// </summary>
public sealed class GlobalKTableRuntimeTests
{
    private const int Customers = 600;

    private static IEnumerable<(string Key, string Value)> CustomerRows() => Enumerable.Range(0, Customers).Select(i => ($"c{i}", $"gold{i}"));

    /// <summary>
    /// Orders (value: a customer id) joined with the customer's row: inner into "enriched", left into
    /// "enriched-left". <paramref name="globalReads"/> counts the global records read.
    /// </summary>
    private static Topology Build(StrongBox<int> globalReads)
    {
        var builder = new StreamsBuilder();
        var customers = builder.GlobalTable("customers", Consumed.With(Serdes.String(), Serdes.String()) with
        {
            TimestampExtractor = (_, _, timestamp, _) =>
            {
                Interlocked.Increment(ref globalReads.Value);
                return timestamp;
            },
        });
        var orders = builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.String()));
        var produced = Produced.With(Serdes.String(), Serdes.String());
        orders.Join(customers, (_, customer) => customer, (customer, row) => $"{customer}@{row}").To("enriched", produced);
        orders.LeftJoin(customers, (_, customer) => customer, (customer, row) => $"{customer}@{row ?? "none"}").To("enriched-left", produced);
        return builder.Build();
    }

    private static EmbeddedKafkaCluster StartClusterWithTopics()
    {
        var cluster = StartCluster();
        cluster.CreateTopic("customers", 3);
        cluster.CreateTopic("orders", 2);
        cluster.CreateTopic("enriched", 1);
        cluster.CreateTopic("enriched-left", 1);
        return cluster;
    }

    private static Dictionary<string, string> Joined(EmbeddedKafkaCluster cluster, string topic, params string[] orders) =>
        Latest(ReadUntil(cluster, topic, r => orders.All(Latest(r, Utf8).ContainsKey)), Utf8);

    [Fact]
    public async Task The_first_stream_records_join_rows_written_before_start_and_later_joins_see_updates()
    {
        using var cluster = StartClusterWithTopics();
        Produce(cluster, "customers", CustomerRows());
        Produce(cluster, "orders", [("o1", $"c{Customers - 1}"), ("o2", "c0"), ("o3", "nobody")]);
        using var dir = new TempDir();
        var globalReads = new StrongBox<int>();
        await using var streams = new KafkaStreams(Build(globalReads), Config(cluster, "global-boot", dir.Path), Options(cluster));

        await streams.StartAsync();

        // Start returns only once the global store holds the whole topic; stream threads start after that.
        Assert.Equal(Customers, Volatile.Read(ref globalReads.Value));
        var found = new Dictionary<string, string> { ["o1"] = $"c{Customers - 1}@gold{Customers - 1}", ["o2"] = "c0@gold0" };
        Assert.Equal(found, Joined(cluster, "enriched", "o1", "o2"));
        Assert.Equal(new Dictionary<string, string>(found) { ["o3"] = "nobody@none" }, Joined(cluster, "enriched-left", "o1", "o2", "o3"));

        Produce(cluster, "customers", [("c0", "platinum")]);

        // The update reaches the store at some point after it is written: probe with new orders until one sees it.
        string joined;
        var probe = 0;
        do
        {
            var order = $"probe-{++probe}";
            Produce(cluster, "orders", [(order, "c0")]);
            joined = Joined(cluster, "enriched", order)[order];
        }
        while (joined != "c0@platinum" && probe < 20);
        Assert.Equal("c0@platinum", joined);
    }

    [Fact]
    public async Task An_instance_on_a_fresh_state_directory_reads_the_global_topic_again()
    {
        using var cluster = StartClusterWithTopics();
        Produce(cluster, "customers", CustomerRows());
        using var firstDir = new TempDir();
        await using (var first = new KafkaStreams(Build(new StrongBox<int>()), Config(cluster, "global-restart", firstDir.Path), Options(cluster)))
        {
            await first.StartAsync();
            await first.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);
            await first.CloseAsync();
        }

        Produce(cluster, "customers", [("c1", "platinum")]);
        Produce(cluster, "orders", [("o1", "c1"), ("o2", "c2")]);
        using var secondDir = new TempDir();
        var globalReads = new StrongBox<int>();
        await using var second = new KafkaStreams(Build(globalReads), Config(cluster, "global-restart", secondDir.Path), Options(cluster));

        await second.StartAsync();

        Assert.Equal(Customers + 1, Volatile.Read(ref globalReads.Value));
        Assert.Equal(
            new Dictionary<string, string> { ["o1"] = "c1@platinum", ["o2"] = "c2@gold2" },
            Joined(cluster, "enriched", "o1", "o2"));
    }

    [Fact]
    public async Task A_clean_close_flushes_cached_updates_through_the_global_join_before_the_global_store_closes()
    {
        using var cluster = StartClusterWithTopics();
        Produce(cluster, "customers", CustomerRows());
        var seen = 0;
        var builder = new StreamsBuilder();
        var customers = builder.GlobalTable("customers", Consumed.With(Serdes.String(), Serdes.String()));
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.String()))
            .Peek((_, _) => Interlocked.Increment(ref seen))
            .GroupByKey()
            .Reduce((_, latest) => latest, materialized: Materialized.As<string, string>("latest-order"))
            .ToStream()
            .Join(customers, (_, customer) => customer, (customer, row) => $"{customer}@{row}")
            .To("enriched", Produced.With(Serdes.String(), Serdes.String()));
        using var dir = new TempDir();
        var config = Config(cluster, "global-close", dir.Path);

        // No commit before the close: the reduced orders stay in the cache until the close flushes them to the join.
        config.CommitInterval = TimeSpan.FromHours(1);
        await using var streams = new KafkaStreams(builder.Build(), config, Options(cluster));
        await streams.StartAsync();
        Produce(cluster, "orders", [("o1", "c1"), ("o2", "c2")]);
        await WaitUntil(() => Volatile.Read(ref seen) == 2);

        await streams.CloseAsync();

        Assert.Equal(KafkaStreamsState.NotRunning, streams.State);
        Assert.Equal(new Dictionary<string, string> { ["o1"] = "c1@gold1", ["o2"] = "c2@gold2" }, Joined(cluster, "enriched", "o1", "o2"));
    }
}
