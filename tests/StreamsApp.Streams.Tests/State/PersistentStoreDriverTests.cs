using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;
using StreamsApp.Streams.State.Internal.RocksDb;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.State;

/// <summary>Stores across driver restarts on one state directory: RocksDB keeps its data, in-memory does not.</summary>
public sealed class PersistentStoreDriverTests : IDisposable
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("streamsapp-state-tests-").FullName;

    public void Dispose()
    {
        if (Directory.Exists(_stateDir))
        {
            Directory.Delete(_stateDir, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_rocksdb_store_still_holds_its_data_in_a_second_driver_on_the_same_state_dir(bool caching)
    {
        var topology = Scripted(KeyValue("s", caching, persistent: true));
        using (var first = new TopologyTestDriver(topology, Config(stateDir: _stateDir)))
        {
            var input = first.CreateInputTopic(Input, Serdes.String(), Serdes.String());
            input.PipeInput("r", "put a 1; put b 2; put c 3");
            input.PipeInput("r", "delete b; put a 11");
        }

        Assert.True(Directory.Exists(Path.Combine(_stateDir, AppId, "0_0", "rocksdb", "s")));
        using var second = new TopologyTestDriver(topology, Config(stateDir: _stateDir));
        var store = second.GetKeyValueStore<string, string>("s");
        Assert.Equal("a=11 c=3", CachingStoreTests.Pairs(store.All()));
    }

    [Fact]
    public void A_rocksdb_aggregation_continues_from_its_stored_counts_after_a_restart()
    {
        var builder = new StreamsBuilder();
        builder.Stream(Input, Consumed.With(Serdes.String(), Serdes.String()))
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>("counts"))
            .ToStream()
            .To(Output, Produced.With(Serdes.String(), Serdes.Int64()));
        var topology = builder.Build();
        using (var first = new TopologyTestDriver(topology, Config(stateDir: _stateDir)))
        {
            var input = first.CreateInputTopic(Input, Serdes.String(), Serdes.String());
            input.PipeInput("a", "x", 1);
            input.PipeInput("a", "x", 2);
        }

        using var second = new TopologyTestDriver(topology, Config(stateDir: _stateDir));
        second.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("a", "x", 3);

        Assert.Equal([KeyValue.Pair("a", 3L)], second.CreateOutputTopic(Output, Serdes.String(), Serdes.Int64()).ReadKeyValuesToList());
        Assert.Equal(new ValueAndTimestamp<long>(3, 3), second.GetTimestampedKeyValueStore<string, long>("counts").Get("a"));
    }

    [Fact]
    public void Each_partition_keeps_its_own_rocksdb_store_across_a_restart()
    {
        var options = new TopologyTestDriverOptions { TopicPartitions = { [Input] = 2 } };
        var topology = Scripted(KeyValue("s", persistent: true));
        using (var first = new TopologyTestDriver(topology, Config(stateDir: _stateDir), options))
        {
            var input = first.CreateInputTopic(Input, Serdes.String(), Serdes.String());
            input.PipeInput(new TestRecord<string, string>("r", "put zero 0", Partition: 0));
            input.PipeInput(new TestRecord<string, string>("r", "put one 1", Partition: 1));
        }

        using var second = new TopologyTestDriver(topology, Config(stateDir: _stateDir), options);
        Assert.Equal("zero=0", CachingStoreTests.Pairs(second.GetKeyValueStore<string, string>("s", partition: 0).All()));
        Assert.Equal("one=1", CachingStoreTests.Pairs(second.GetKeyValueStore<string, string>("s", partition: 1).All()));
    }

    [Fact]
    public void An_in_memory_store_starts_empty_in_a_second_driver_on_the_same_state_dir()
    {
        var topology = Scripted(KeyValue("s", caching: true));
        using (var first = new TopologyTestDriver(topology, Config(stateDir: _stateDir)))
        {
            first.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "put a 1");
            Assert.Equal("1", first.GetKeyValueStore<string, string>("s").Get("a"));
        }

        using var second = new TopologyTestDriver(topology, Config(stateDir: _stateDir));
        Assert.Equal(string.Empty, CachingStoreTests.Pairs(second.GetKeyValueStore<string, string>("s").All()));
        Assert.Equal(0, second.GetKeyValueStore<string, string>("s").ApproximateNumEntries);
    }

    [Fact]
    public void A_chosen_state_dir_is_kept_and_the_driver_own_temporary_one_is_deleted_on_dispose()
    {
        string ownDbDirectory;
        using (var owned = new TopologyTestDriver(Scripted(KeyValue("s", persistent: true)), Config()))
        {
            owned.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "put a 1");
            ownDbDirectory = RocksDb(owned).DbDirectory!;
            Assert.True(Directory.Exists(ownDbDirectory));
        }

        // <root>/<app id>/<task id>/rocksdb/<store>
        var ownRoot = Path.GetFullPath(Path.Combine(ownDbDirectory, "..", "..", "..", ".."));
        Assert.False(Directory.Exists(ownRoot));
        Assert.NotEqual(Path.GetFullPath(StreamsConfig.DefaultStateDir).TrimEnd(Path.DirectorySeparatorChar), ownRoot.TrimEnd(Path.DirectorySeparatorChar));

        string chosenDbDirectory;
        using (var chosen = new TopologyTestDriver(Scripted(KeyValue("s", persistent: true)), Config(stateDir: _stateDir)))
        {
            chosenDbDirectory = RocksDb(chosen).DbDirectory!;
        }

        Assert.Equal(Path.Combine(_stateDir, AppId, "0_0", "rocksdb", "s"), chosenDbDirectory);
        Assert.True(Directory.Exists(chosenDbDirectory));
    }

    private static RocksDbKeyValueStore RocksDb(TopologyTestDriver driver) =>
        (RocksDbKeyValueStore)((WrappedKeyValueBytesStore)((MeteredKeyValueStore<string, string>)driver.GetKeyValueStore<string, string>("s")).Inner).Innermost();
}
