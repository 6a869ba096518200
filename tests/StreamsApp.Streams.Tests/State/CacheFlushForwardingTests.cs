using Confluent.Kafka;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.State;

/// <summary>
/// What a cached store forwards on flush (TupleForwarder and the flush listener): since the driver commits after
/// every record, a cached aggregation emits exactly what an uncached one does.
/// </summary>
public sealed class CacheFlushForwardingTests
{
    [Fact]
    public void A_stream_count_emits_the_same_records_with_and_without_caching()
    {
        var withCache = RunStreamCount(caching: true, cacheBytes: 10_000_000);

        Assert.Equal(["a=1@10", "b=1@20", "a=2@30", "a=3@30"], withCache.Select(Show)); // an aggregate keeps its largest input timestamp
        Assert.Equal(withCache.Select(Show), RunStreamCount(caching: false, cacheBytes: 10_000_000).Select(Show));
        Assert.Equal(withCache.Select(Show), RunStreamCount(caching: true, cacheBytes: 0).Select(Show));
    }

    [Fact]
    public void A_table_regrouping_count_with_old_values_emits_the_same_records_with_and_without_caching()
    {
        // Moving a row between groups needs the old value (subtract it from its old group); moving it within its
        // group sends one combined update through the repartition topic.
        var cached = RunTableRegroupCount(caching: true);

        Assert.Equal(["x=1@1", "x=2@2", "x=1@3", "y=1@3", "x=0@4", "y=2@5", "y=2@6"], cached.Select(Show));
        Assert.Equal(cached.Select(Show), RunTableRegroupCount(caching: false).Select(Show));
    }

    [Fact]
    public void A_count_behind_a_repartition_emits_every_update_even_when_one_piped_record_updates_a_key_twice()
    {
        // The words reach the count through a repartition topic while the driver handles one piped record; it
        // commits after each of them, so the cache coalesces nothing.
        var cached = RunWordCount(caching: true);

        Assert.Equal(["a=1@10", "b=1@10", "a=2@10"], cached.Select(Show));
        Assert.Equal(cached.Select(Show), RunWordCount(caching: false).Select(Show));
    }

    [Theory]
    [InlineData(false, "k:+v1@10 k:+v2@20 k:-@30")]
    [InlineData(true, "k:+v1@10 k:+v2-v1@20 k:-v2@30")]
    public void The_flush_listener_gets_old_values_only_when_asked(bool sendOldValues, string expected)
    {
        var changes = new List<string>();
        using var driver = FlushListenerDriver(sendOldValues, changes, out _);
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());

        input.PipeInput("k", "v1", 10);
        input.PipeInput("k", "v2", 20);
        input.PipeInput("k", "delete", 30);

        Assert.Equal(expected, string.Join(' ', changes));
    }

    [Fact]
    public void A_key_put_and_deleted_within_one_commit_is_neither_forwarded_nor_written()
    {
        var changes = new List<string>();
        using var driver = FlushListenerDriver(sendOldValues: true, changes, out var listening);
        var changelog = driver.CreateOutputTopic(Changelog("t"), Serdes.String(), Serdes.String());

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("k", "put-then-delete", 10);

        Assert.True(listening);
        Assert.Empty(changes);
        Assert.True(changelog.IsEmpty);
    }

    [Fact]
    public void The_flush_listener_gets_the_writing_record_timestamp_and_headers()
    {
        var flushed = new List<(long Timestamp, Headers? Headers)>();
        var topology = With(
            Timestamped("t", caching: true),
            (store, record, _) => store.Put(record.Key, new ValueAndTimestamp<string>(record.Value, 99)),
            (store, _) => ((MeteredKeyValueStore<string, ValueAndTimestamp<string>>)store)
                .SetFlushListener((_, _, timestamp, headers) => flushed.Add((timestamp, headers)), sendOldValues: false));
        using var driver = new TopologyTestDriver(topology, Config());
        var recordHeaders = new Headers { { "h", [1, 2] } };

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String())
            .PipeInput(new TestRecord<string, string>("k", "v", 10, recordHeaders));

        var (timestamp, headers) = Assert.Single(flushed);
        Assert.Equal(10, timestamp);
        Assert.Equal([1, 2], Assert.Single(headers!).GetValueBytes());
    }

    [Fact]
    public void Without_a_cache_there_is_no_flush_listener()
    {
        var store = (MeteredKeyValueStore<string, ValueAndTimestamp<string>>)Timestamped("t", caching: false).Build();

        Assert.False(store.SetFlushListener((_, _, _, _) => { }, sendOldValues: true));
    }

    private static string Show(TestRecord<string, long> record) => $"{record.Key}={record.Value}@{record.Timestamp}";

    private static IReadOnlyList<TestRecord<string, long>> RunStreamCount(bool caching, long cacheBytes)
    {
        var materialized = Materialized.As<string, long>(Stores.InMemoryKeyValueStore("counts"));
        var builder = new StreamsBuilder();
        builder.Stream(Input, Consumed.With(Serdes.String(), Serdes.String()))
            .GroupByKey()
            .Count(materialized: caching ? materialized : materialized.WithCachingDisabled())
            .ToStream()
            .To(Output, Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build(), Config(cacheBytes));
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        input.PipeInput("a", "1", 10);
        input.PipeInput("b", "1", 20);
        input.PipeInput("a", "1", 30);
        input.PipeInput("a", "1", 25);
        return driver.CreateOutputTopic(Output, Serdes.String(), Serdes.Int64()).ReadRecordsToList();
    }

    private static IReadOnlyList<TestRecord<string, long>> RunWordCount(bool caching)
    {
        var materialized = Materialized.As<string, long>(Stores.InMemoryKeyValueStore("words"));
        var builder = new StreamsBuilder();
        builder.Stream(Input, Consumed.With(Serdes.String(), Serdes.String()))
            .FlatMap((_, line) => line.Split(' ').Select(word => KeyValue.Pair(word, word)))
            .GroupByKey(Grouped.With(Serdes.String(), Serdes.String()))
            .Count(materialized: caching ? materialized : materialized.WithCachingDisabled())
            .ToStream()
            .To(Output, Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build(), Config());
        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("line", "a b a", 10);
        return driver.CreateOutputTopic(Output, Serdes.String(), Serdes.Int64()).ReadRecordsToList();
    }

    private static IReadOnlyList<TestRecord<string, long>> RunTableRegroupCount(bool caching)
    {
        Materialized<string, TValue> Store<TValue>(string name)
        {
            var materialized = Materialized.As<string, TValue>(Stores.InMemoryKeyValueStore(name));
            return caching ? materialized : materialized.WithCachingDisabled();
        }

        var builder = new StreamsBuilder();
        builder.Table(Input, Consumed.With(Serdes.String(), Serdes.String()), Store<string>("rows"))
            .GroupBy((key, value) => KeyValue.Pair(value[..1], key), Grouped.With(Serdes.String(), Serdes.String()))
            .Count(materialized: Store<long>("groups"))
            .ToStream()
            .To(Output, Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build(), Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        input.PipeInput("a", "x1", 1);
        input.PipeInput("b", "x2", 2);
        input.PipeInput("a", "y1", 3);
        input.PipeInput("b", null!, 4);
        input.PipeInput("c", "y2", 5);
        input.PipeInput("c", "y3", 6);
        return driver.CreateOutputTopic(Output, Serdes.String(), Serdes.Int64()).ReadRecordsToList();
    }

    /// <summary>A cached timestamped store whose flushes go to <paramref name="changes"/> as "key:+new-old@ts".</summary>
    private static TopologyTestDriver FlushListenerDriver(bool sendOldValues, List<string> changes, out bool listening)
    {
        var registered = false;
        var topology = With(
            Timestamped("t", caching: true),
            (store, record, _) =>
            {
                if (record.Value == "delete")
                {
                    store.Delete(record.Key, out var _);
                }
                else if (record.Value == "put-then-delete")
                {
                    store.Put(record.Key, new ValueAndTimestamp<string>("v", record.Timestamp));
                    store.Delete(record.Key, out var _);
                }
                else
                {
                    store.Put(record.Key, new ValueAndTimestamp<string>(record.Value, record.Timestamp));
                }
            },
            (store, _) => registered = ((MeteredKeyValueStore<string, ValueAndTimestamp<string>>)store).SetFlushListener(
                (key, change, timestamp, _) => changes.Add(Describe(key, change, timestamp)), sendOldValues));
        var driver = new TopologyTestDriver(topology, Config());
        listening = registered;
        return driver;
    }

    private static string Describe(string key, Change<ValueAndTimestamp<string>> change, long timestamp) =>
        $"{key}:{(change.HasNew ? "+" + change.NewValue.Value : "-")}{(change.HasOld ? (change.HasNew ? "-" : string.Empty) + change.OldValue.Value : string.Empty)}@{timestamp}";
}
