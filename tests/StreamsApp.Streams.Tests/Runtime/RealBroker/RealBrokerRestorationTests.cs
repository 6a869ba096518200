using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Runtime.Internal;
using StreamsApp.Streams.State;
using StreamsApp.TestSupport;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.Runtime.RealBroker;

/// <summary>
/// Opt-in, on a real broker (<see cref="RealKafkaFactAttribute"/>): the restoration rule of decision 0020, made to
/// happen rather than waited for. A changelog holds a committed write, a transaction left open (a crashed owner's),
/// and a write committed behind it (the next owner's). Restoration under exactly-once must wait for the open
/// transaction, then restore both committed writes and not the aborted one. Restoring only to the last stable
/// offset, as before, completes at once without the write behind the open transaction.
/// </summary>
public sealed class RealBrokerRestorationTests
{
    [RealKafkaFact]
    public async Task Restoration_waits_for_an_open_transaction_and_restores_what_committed_behind_it()
    {
        var bootstrap = RealKafkaFactAttribute.BootstrapServers!;
        var app = $"restore-{Guid.NewGuid():N}"[..20];
        var changelog = $"{app}-s-changelog";
        await RealBrokerClients.CreateTopicsAsync(bootstrap, 1, changelog);
        Write(bootstrap, $"{app}-first", changelog, "a", "committed before", commit: true).Dispose();
        using var crashed = Write(bootstrap, $"{app}-crashed", changelog, "b", "never committed", commit: false);
        Write(bootstrap, $"{app}-next", changelog, "c", "committed behind", commit: true).Dispose();

        using var root = new TempStateRoot();
        using var directory = root.Open(app);
        var config = new StreamsConfig
        {
            ApplicationId = app, BootstrapServers = bootstrap, StateDir = root.Path, ProcessingGuarantee = ProcessingGuarantee.ExactlyOnceV2,
        };
        var log = new ListLogger();
        var task = new TaskHarness(Scripted(KeyValue("s", persistent: true)), config, directory);
        using var reader = new StoreChangelogReader(
            new ConsumerBuilder<byte[]?, byte[]?>(ClientConfigs.RestoreConsumer(config, "restore-consumer")).Build(), task.Metrics, "test-thread", log,
            new ChangelogOffsetReader(ClientConfigs.Admin(config, "changelog-offsets"), readsStableOffsets: true, StoreChangelogReader.WatermarkTimeout));
        task.Task.InitializeStateStores();
        reader.Register(task.StateManager);

        // The open transaction holds restoration back: it does not complete, however long it reads.
        var holding = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (DateTime.UtcNow < holding)
        {
            reader.Restore();
        }

        Assert.Empty(reader.CompletedTasks);
        Assert.Contains(log.Messages, m => m.Contains("holds a transaction still open", StringComparison.Ordinal));
        Assert.Equal(1, task.Metrics.Find("restore-waiting-for-transaction-total").Single().Sum);

        crashed.AbortTransaction();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (reader.CompletedTasks.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "restoration did not complete after the open transaction was aborted");
            reader.Restore();
        }

        task.Task.CompleteRestoration();
        Assert.Equal([KeyValue.Pair("a", "committed before"), KeyValue.Pair("c", "committed behind")], task.Store<IKeyValueStore<string, string>>("s").All().ToList());
        Assert.Equal(0, task.Metrics.Find("restore-waiting-for-transaction-total").Single().Sum);
        task.Task.Close(clean: true);
    }

    /// <summary>Writes one record in a transaction of its own, committed or left open; returns the producer.</summary>
    private static IProducer<byte[], byte[]> Write(string bootstrap, string transactionalId, string topic, string key, string value, bool commit)
    {
        var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap, TransactionalId = transactionalId, TransactionTimeoutMs = 60_000,
        }).Build();
        producer.InitTransactions(TimeSpan.FromSeconds(30));
        producer.BeginTransaction();
        producer.Produce(topic, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(key), Value = Encoding.UTF8.GetBytes(value) });
        producer.Flush(TimeSpan.FromSeconds(30));
        if (commit)
        {
            producer.CommitTransaction(TimeSpan.FromSeconds(30));
        }

        return producer;
    }
}
