using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// A record a global store cannot read or process is dead-lettered like a task's, and the instance keeps running:
/// at bootstrap, while running, and when it starts again over the same topic, which still holds the record.
/// </summary>
public sealed class GlobalDeadLetterRuntimeTests
{
    [Fact]
    public async Task Unreadable_and_rejected_global_records_are_dead_lettered_and_every_start_reaches_running()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("rates", 2);
        cluster.CreateTopic("prices", 1);
        using var dir = new TempDir();

        // Four UTF-8 bytes read as an Int32; "bad" does not; the updater rejects "ÿÿ" (C3 BF C3 BF, a negative rate).
        Produce(cluster, "rates", [("EUR", "aaaa"), ("GBP", "bad"), ("USD", "ÿÿ")]);
        await using (var first = await StartAsync(cluster, dir.Path))
        {
            Produce(cluster, "rates", [("CHF", "no"), ("JPY", "bbbb")]);
            var dead = ReadUntil(cluster, "rates.DLT", r => r.Count == 3);
            Assert.Equal(["CHF", "GBP", "USD"], dead.Select(r => Utf8(r.Message.Key)).Order());
            var usd = dead.Single(r => Utf8(r.Message.Key) == "USD");
            Assert.Equal(typeof(ArgumentOutOfRangeException).FullName, Utf8(usd.Message.Headers.GetLastBytes(DeadLetterHeaders.ExceptionClass)));
            Assert.Equal("rates", Utf8(usd.Message.Headers.GetLastBytes(DeadLetterHeaders.Topic)));
            await WaitUntil(() => RatesOf(first).ContainsKey("JPY"));
            Assert.Equal(new Dictionary<string, int> { ["EUR"] = 0x61616161, ["JPY"] = 0x62626262 }, RatesOf(first));
            Assert.Equal(KafkaStreamsState.Running, first.State);
        }

        // A fresh state directory reads the topic from its beginning, poison included, and still starts.
        using var fresh = new TempDir();
        await using var second = await StartAsync(cluster, fresh.Path);
        Assert.Equal(KafkaStreamsState.Running, second.State);
        Assert.Equal(["EUR", "JPY"], RatesOf(second).Keys.Order());
    }

    private static Dictionary<string, int> RatesOf(KafkaStreams streams)
    {
        var all = streams.Store(
            StoreQueryParameters<IReadOnlyKeyValueStore<string, int>>.FromNameAndType("rates", QueryableStoreTypes.KeyValueStore<string, int>())).All();
        return all.ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    private static async Task<KafkaStreams> StartAsync(EmbeddedKafkaCluster cluster, string stateDir)
    {
        var topology = Topology.Create()
            .AddGlobalStore(
                Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore("rates"), Serdes.String(), Serdes.Int32()).WithLoggingDisabled(),
                "rates-source", Serdes.String(), Serdes.Int32(), "rates", "rates-updater", () => new RateWriter())
            .AddSource("prices-source", Serdes.String(), Serdes.Int32(), "prices");
        var config = Config(cluster, "global-dlt-app", stateDir);
        config.DeserializationExceptionHandler = ExceptionHandlers.LogAndDeadLetter;
        config.ProcessingExceptionHandler = ExceptionHandlers.LogAndDeadLetter;
        var streams = new KafkaStreams(topology, config, Options(cluster));
        await streams.StartAsync();
        await WaitUntil(() => streams.State == KafkaStreamsState.Running);
        return streams;
    }

    private sealed class RateWriter : IProcessor<string, int, string, int>
    {
        private IKeyValueStore<string, int>? _store;

        public void Init(IProcessorContext<string, int> context) => _store = context.GetStateStore<IKeyValueStore<string, int>>("rates");

        public void Process(Record<string, int> record) =>
            _store!.Put(record.Key, record.Value >= 0 ? record.Value : throw new ArgumentOutOfRangeException(nameof(record), "a rate is never negative"));
    }
}
