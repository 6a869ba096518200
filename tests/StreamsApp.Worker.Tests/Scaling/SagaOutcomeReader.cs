using System.Collections.Concurrent;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Avro;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Worker.Tests.Scaling;

/// <summary>
/// Reads <c>saga.events</c> from the start in the background (read_committed, so that under exactly-once only what
/// committed counts) and keeps every outcome (completed, failed, timed out) by order id, including repeats an
/// at-least-once takeover may produce.
/// </summary>
internal sealed class SagaOutcomeReader : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Type>> _outcomes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly CachedSchemaRegistryClient _registry;
    private readonly Task _reading;

    public SagaOutcomeReader(string bootstrapServers, Uri schemaRegistryUrl)
    {
        _registry = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = schemaRegistryUrl.ToString() });
        var deserializer = new ContractSerdes(_registry).Value<SagaEvent>().Deserializer;
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "scaling-test-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            SessionTimeoutMs = 6000,
            IsolationLevel = IsolationLevel.ReadCommitted,
        };
        _reading = Task.Factory.StartNew(() => Read(config, deserializer), _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The outcome types of <paramref name="orderId"/>'s saga seen so far (empty when none).</summary>
    public IReadOnlyList<Type> OutcomesOf(string orderId) => _outcomes.TryGetValue(orderId, out var seen) ? [.. seen] : [];

    /// <summary>Waits until every order in <paramref name="orderIds"/> has at least one outcome.</summary>
    public Task WaitForAllAsync(IEnumerable<string> orderIds, TimeSpan timeout, Func<string> diagnostics)
    {
        var ids = orderIds.ToList();
        return Wait.UntilAsync(
            async () =>
            {
                if (_reading.IsFaulted)
                {
                    // The reader failed (an unreadable event, say): waiting on would only time out.
                    await _reading;
                }

                return ids.All(_outcomes.ContainsKey);
            },
            timeout,
            () => $"Orders without a saga outcome: {string.Join(", ", ids.Where(id => !_outcomes.ContainsKey(id)))}{Environment.NewLine}{diagnostics()}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // A failure of the reader surfaced in WaitForAllAsync; here it would only hide the test's own exception.
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _registry.Dispose();
    }

    private void Keep(string orderId, SagaEvent sagaEvent)
    {
        if (sagaEvent.Message is SagaCompleted or SagaFailed or SagaTimedOut)
        {
            _outcomes.GetOrAdd(orderId, _ => new ConcurrentQueue<Type>()).Enqueue(sagaEvent.Message.GetType());
        }
    }

    private void Read(ConsumerConfig config, IDeserializer<SagaEvent> deserializer)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        consumer.Subscribe(Topics.SagaEvents);
        try
        {
            while (true)
            {
                try
                {
                    if (consumer.Consume(_stop.Token) is { Message.Value: { } value } result)
                    {
                        Keep(result.Message.Key, deserializer.Deserialize(value, false, new SerializationContext(MessageComponentType.Value, result.Topic)));
                    }
                }
                catch (ConsumeException e) when (e.Error.Code == ErrorCode.UnknownTopicOrPart)
                {
                    // The workers have not created the topic yet; the subscription picks it up when they have.
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        finally
        {
            consumer.Close();
        }
    }
}
