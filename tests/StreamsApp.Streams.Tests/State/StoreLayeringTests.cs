using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;
using StreamsApp.Streams.State.Internal.Caching;
using StreamsApp.Streams.State.Internal.InMemory;
using StreamsApp.Streams.State.Internal.RocksDb;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.State;

/// <summary>The builders assemble metered → caching → change-logging → bytes, leaving out what is turned off.</summary>
public sealed class StoreLayeringTests
{
    [Fact]
    public void Caching_and_logging_give_metered_caching_logging_bytes_in_that_order()
    {
        var store = StoreTopologies.KeyValue("s", caching: true, logging: true).Build();

        Assert.Equal(
            [typeof(MeteredKeyValueStore<string, string>), typeof(CachingKeyValueStore), typeof(ChangeLoggingKeyValueBytesStore), typeof(InMemoryKeyValueStore)],
            Layers(store));
    }

    [Fact]
    public void Without_caching_there_is_no_caching_layer()
    {
        var store = StoreTopologies.KeyValue("s", caching: false, logging: true).Build();

        Assert.Equal(
            [typeof(MeteredKeyValueStore<string, string>), typeof(ChangeLoggingKeyValueBytesStore), typeof(InMemoryKeyValueStore)],
            Layers(store));
    }

    [Fact]
    public void Without_logging_there_is_no_change_logging_layer()
    {
        var store = StoreTopologies.KeyValue("s", caching: true, logging: false).Build();

        Assert.Equal(
            [typeof(MeteredKeyValueStore<string, string>), typeof(CachingKeyValueStore), typeof(InMemoryKeyValueStore)],
            Layers(store));
    }

    [Fact]
    public void Without_caching_and_logging_the_metered_layer_wraps_the_bytes_store_directly()
    {
        var store = StoreTopologies.KeyValue("s", caching: false, logging: false, persistent: true).Build();

        Assert.Equal([typeof(MeteredKeyValueStore<string, string>), typeof(RocksDbKeyValueStore)], Layers(store));
    }

    [Fact]
    public void A_new_builder_logs_and_does_not_cache()
    {
        var builder = Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("s"), Serdes.String(), Serdes.String());

        Assert.True(builder.LoggingEnabled);
        Assert.Equal("compact", builder.LogConfig["cleanup.policy"]);
        Assert.Equal(
            [typeof(MeteredKeyValueStore<string, string>), typeof(ChangeLoggingKeyValueBytesStore), typeof(InMemoryKeyValueStore)],
            Layers(builder.Build()));
    }

    [Fact]
    public void Timestamped_builder_puts_the_timestamped_metered_layer_over_the_same_stack()
    {
        var store = Stores.TimestampedKeyValueStoreBuilder(Stores.PersistentKeyValueStore("s"), Serdes.String(), Serdes.Int64())
            .WithCachingEnabled()
            .Build();

        Assert.Equal(
            [typeof(MeteredTimestampedKeyValueStore<string, long>), typeof(CachingKeyValueStore), typeof(ChangeLoggingKeyValueBytesStore), typeof(RocksDbKeyValueStore)],
            Layers(store));
    }

    [Fact]
    public void Turning_caching_off_again_removes_the_layer()
    {
        var builder = StoreTopologies.KeyValue("s").WithCachingEnabled().WithCachingDisabled().WithLoggingDisabled();

        Assert.False(builder.LoggingEnabled);
        Assert.Equal([typeof(MeteredKeyValueStore<string, string>), typeof(InMemoryKeyValueStore)], Layers(builder.Build()));
    }

    [Fact]
    public void Logging_configs_keep_compaction_unless_overridden()
    {
        var builder = StoreTopologies.KeyValue("s").WithLoggingEnabled(new Dictionary<string, string> { ["retention.ms"] = "1000" });
        Assert.Equal("compact", builder.LogConfig["cleanup.policy"]);
        Assert.Equal("1000", builder.LogConfig["retention.ms"]);

        builder.WithLoggingEnabled(new Dictionary<string, string> { ["cleanup.policy"] = "compact,delete" });
        Assert.Equal("compact,delete", builder.LogConfig["cleanup.policy"]);
        Assert.False(builder.LogConfig.ContainsKey("retention.ms"));
    }

    [Fact]
    public void Every_build_has_its_own_layers_and_bytes_store()
    {
        var builder = StoreTopologies.KeyValue("s", caching: true);

        var first = Layers(builder.Build(), out var firstStores);
        var second = Layers(builder.Build(), out var secondStores);

        Assert.Equal(first, second);
        Assert.All(firstStores.Zip(secondStores), pair => Assert.NotSame(pair.First, pair.Second));
    }

    [Fact]
    public void Each_task_gets_its_own_layered_store_and_the_processor_sees_the_one_the_driver_shows()
    {
        var seen = new Dictionary<int, IKeyValueStore<string, string>>();
        var topology = StoreTopologies.With(
            StoreTopologies.KeyValue("s", caching: true),
            (_, _, _) => { },
            (store, context) => seen.Add(context.TaskId.Partition, store));
        var options = new TopologyTestDriverOptions { TopicPartitions = { [StoreTopologies.Input] = 2 } };

        using var driver = new TopologyTestDriver(topology, StoreTopologies.Config(), options);

        Assert.Equal([0, 1], seen.Keys.Order());
        Assert.Same(seen[0], driver.GetKeyValueStore<string, string>("s", partition: 0));
        Assert.Same(seen[1], driver.GetKeyValueStore<string, string>("s", partition: 1));
        var innermost0 = ((CachingKeyValueStore)((MeteredKeyValueStore<string, string>)seen[0]).Inner).Innermost();
        var innermost1 = ((CachingKeyValueStore)((MeteredKeyValueStore<string, string>)seen[1]).Inner).Innermost();
        Assert.NotSame(innermost0, innermost1);
        Assert.Equal(
            [typeof(MeteredKeyValueStore<string, string>), typeof(CachingKeyValueStore), typeof(ChangeLoggingKeyValueBytesStore), typeof(InMemoryKeyValueStore)],
            Layers(seen[1]));
    }

    private static List<Type> Layers(IStateStore store) => Layers(store, out _);

    private static List<Type> Layers(IStateStore store, out List<object> instances)
    {
        instances = [store];
        IStateStore? layer = store switch
        {
            MeteredKeyValueStore<string, string> m => m.Inner,
            MeteredKeyValueStore<string, ValueAndTimestamp<long>> m => m.Inner,
            _ => throw new InvalidOperationException($"Unexpected outer layer {store.GetType()}"),
        };
        while (layer is not null)
        {
            instances.Add(layer);
            layer = layer is WrappedKeyValueBytesStore wrapped ? wrapped.Inner : null;
        }

        return instances.Select(i => i.GetType()).ToList();
    }
}
