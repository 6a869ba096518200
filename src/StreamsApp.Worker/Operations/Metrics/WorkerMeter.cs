using System.Diagnostics.Metrics;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Hosting;
using StreamsApp.Topologies.Projections;
using StreamsApp.Worker.Operations.DeadLetters;

namespace StreamsApp.Worker.Operations.Metrics;

/// <summary>
/// The worker's own instruments, read at each collection: the sagas this instance hosts by state and by outcome
/// (<see cref="SagaStates"/>), and the records each dead-letter topic holds. Gauges, not counters: a partition that
/// moves takes its sagas to another instance, so the application's figure is the sum over instances.
/// </summary>
internal sealed class WorkerMeter
{
    /// <summary>The meter's name, for <c>AddMeter</c>.</summary>
    public const string Name = "StreamsApp.Worker";

    // Counting dead letters asks the cluster (metadata, watermarks): at most this often.
    private static readonly TimeSpan DeadLetterReadInterval = TimeSpan.FromSeconds(10);

    // Resolved at the first collection rather than here: the meter provider makes this object while the host is built,
    // before the cluster the instance and the topics need has been reached.
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;

    // Observed only between the host's start and its stop. Any meter provider in the process observes this meter, also
    // for a host that was built but never started (its services would open the Kafka connection, waiting on the
    // cluster, inside the collection) or that is stopping (its store and Kafka clients are closing).
    private readonly CancellationToken _started;
    private readonly CancellationToken _stopping;
    private SagaTotals? _sagas;
    private IReadOnlyList<DeadLetterTopic> _deadLetterTopics = [];
    private DateTimeOffset _deadLettersReadAt = DateTimeOffset.MinValue;

    public WorkerMeter(IMeterFactory meters, IServiceProvider services, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        _services = services;
        _time = time;
        _started = lifetime.ApplicationStarted;
        _stopping = lifetime.ApplicationStopping;
        var meter = meters.Create(Name);
        meter.CreateObservableGauge(
            "streamsapp.sagas", ObserveStates, "{saga}",
            "Sagas in each state, in the saga.state partitions this instance hosts (sum over instances).");
        meter.CreateObservableGauge(
            "streamsapp.saga_outcomes", ObserveOutcomes, "{saga}",
            "Sagas finished, by outcome, in the saga.state partitions this instance hosts (sum over instances); timed_out ones are also failed or compensating.");
        meter.CreateObservableGauge(
            "streamsapp.dlt_records", ObserveDeadLetters, "{record}",
            "Records each dead-letter topic holds (read from the cluster at most every 10 s).");
    }

    private IEnumerable<Measurement<long>> ObserveStates() =>
        Sagas() is { } sagas
            ? Enum.GetValues<SagaStatus>().Select(state => new Measurement<long>(sagas[state], new KeyValuePair<string, object?>("state", state.ToString())))
            : [];

    private IEnumerable<Measurement<long>> ObserveOutcomes() =>
        Sagas() is { } sagas
            ?
            [
                new(sagas[SagaStatus.COMPLETED], new KeyValuePair<string, object?>("outcome", "completed")),
                new(sagas[SagaStatus.FAILED], new KeyValuePair<string, object?>("outcome", "failed")),
                new(sagas.TimedOut, new KeyValuePair<string, object?>("outcome", "timed_out")),
            ]
            : [];

    // The last totals read: kept while the store cannot be read (a rebalance), rather than a gap or a drop to zero.
    private SagaTotals? Sagas() =>
        Running ? _sagas = SagaStates.Read(_services.GetRequiredService<IKafkaStreamsInstance>().Streams) ?? _sagas : null;

    private bool Running => _started.IsCancellationRequested && !_stopping.IsCancellationRequested;

    private IEnumerable<Measurement<long>> ObserveDeadLetters()
    {
        if (!Running)
        {
            return [];
        }

        var now = _time.GetUtcNow();
        if (now - _deadLettersReadAt >= DeadLetterReadInterval)
        {
            _deadLettersReadAt = now;
            try
            {
                _deadLetterTopics = _services.GetRequiredService<DeadLetterTopics>().List();
            }
            catch (KafkaException)
            {
                // The cluster cannot answer now: the gauges keep their last values until it can.
            }
        }

        return _deadLetterTopics.Select(t => new Measurement<long>(t.Records, new KeyValuePair<string, object?>("topic", t.Topic)));
    }
}
