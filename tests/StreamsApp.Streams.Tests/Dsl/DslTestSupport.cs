using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>Small helpers shared by the DSL tests: comparable views of output records, stores and metrics.</summary>
internal static class DslTestSupport
{
    /// <summary>Reads every waiting record as (key, value, timestamp), which compares by value (headers do not).</summary>
    public static List<(TKey Key, TValue Value, long? Timestamp)> ReadAll<TKey, TValue>(this TestOutputTopic<TKey, TValue> topic) =>
        topic.ReadRecordsToList().Select(r => (r.Key, r.Value, r.Timestamp)).ToList();

    /// <summary>Every entry of a store, in its iteration order.</summary>
    public static List<KeyValue<TKey, TValue>> Contents<TKey, TValue>(this IReadOnlyKeyValueStore<TKey, TValue> store)
    {
        return store.All().ToList();
    }

    /// <summary>The records dropped so far, over every task (the <c>dropped-records-total</c> sensors).</summary>
    public static long DroppedRecords(this TopologyTestDriver driver) =>
        driver.Metrics.Find("dropped-records-total").Sum(s => s.Count);

    /// <summary>A driver whose listed topics have the given partition counts.</summary>
    public static TopologyTestDriver Driver(Topology topology, params (string Topic, int Partitions)[] partitions) =>
        Driver(topology, null, partitions);

    /// <summary>A driver with the given configuration whose listed topics have the given partition counts.</summary>
    public static TopologyTestDriver Driver(Topology topology, StreamsConfig? config, params (string Topic, int Partitions)[] partitions)
    {
        var options = new TopologyTestDriverOptions();
        foreach (var (topic, count) in partitions)
        {
            options.TopicPartitions[topic] = count;
        }

        return new TopologyTestDriver(topology, config, options);
    }

    /// <summary>
    /// The driver's configuration without a cache budget, under which (as in Kafka Streams) stores have no caching
    /// layer and every processor forwards each update itself.
    /// </summary>
    public static StreamsConfig Uncached() => new() { ApplicationId = "test-driver", CacheMaxBytesBuffering = 0 };
}
