using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Testing;

/// <summary>
/// A driver that fails to start cleans up after itself: stores closed, temporary state deleted. Not run in parallel
/// with other tests, whose drivers create and delete temporary directories of their own.
/// </summary>
[Collection(nameof(TopologyTestDriverLifecycleTests))]
public sealed class TopologyTestDriverLifecycleTests : IDisposable
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("streamsapp-lifecycle-").FullName;

    [Fact]
    public void A_failed_start_closes_the_stores_it_opened_so_the_next_driver_can_open_them()
    {
        var config = new StreamsConfig { ApplicationId = "lifecycle", StateDir = _stateDir };

        var failure = Assert.Throws<InvalidOperationException>(() => new TopologyTestDriver(Topology(initThrows: true), config));
        Assert.Equal("init failed", failure.Message);

        // RocksDB locks its directory: had the first driver left the store open, this would fail to open it.
        using var driver = new TopologyTestDriver(Topology(initThrows: false), config);
        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "v");
        Assert.Equal("v", driver.GetKeyValueStore<string, string>("store").Get("k"));
    }

    [Fact]
    public void A_failed_start_deletes_the_drivers_own_temporary_state_directory()
    {
        var before = TemporaryDriverDirectories();

        Assert.Throws<InvalidOperationException>(() => new TopologyTestDriver(Topology(initThrows: true)));

        Assert.Equal(before, TemporaryDriverDirectories());
    }

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);

    private static HashSet<string> TemporaryDriverDirectories() =>
        [.. Directory.GetDirectories(Path.GetTempPath(), "streamsapp-ttd-*")];

    private static Topology Topology(bool initThrows) =>
        Streams.Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("writer", () => new StoreWriter(initThrows), "source")
            .AddStateStore(
                Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore("store"), Serdes.String(), Serdes.String()), "writer");

    private sealed class StoreWriter(bool initThrows) : IProcessor<string, string, string, string>
    {
        private IKeyValueStore<string, string>? _store;

        public void Init(IProcessorContext<string, string> context)
        {
            _store = context.GetStateStore<IKeyValueStore<string, string>>("store");
            if (initThrows)
            {
                throw new InvalidOperationException("init failed");
            }
        }

        public void Process(Record<string, string> record) => _store!.Put(record.Key, record.Value);
    }
}

/// <summary>Runs the lifecycle tests alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(TopologyTestDriverLifecycleTests), DisableParallelization = true)]
public sealed class TopologyTestDriverLifecycleCollection;
