using Prometheus;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Hosting;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Hosting;
using StreamsApp.Worker.Operations.DeadLetters;

namespace StreamsApp.Worker.Operations.Metrics;

/// <summary>
/// Exposes the engine's metrics as Prometheus metrics, read at scrape time. Sensors: counting ones (<c>*-total</c>)
/// as counters, remaining-work ones as gauges, distributions (<c>*-latency</c>, <c>*-records</c>) as
/// <c>_sum</c>/<c>_count</c> counters and a <c>_max</c> gauge. Engine gauges (consumer lag, store sizes) as gauges
/// whose series leave with their partition or task. Also records processed per sub-topology (the tasks' sum), the
/// instance state, and the sagas per state and per outcome this instance hosts. Rates (records/s per thread) are
/// PromQL's <c>rate()</c> over the counters.
/// </summary>
internal sealed class StreamsMetricsBridge
{
    private readonly IKafkaStreamsInstance _instance;
    private readonly MetricFactory _factory;
    private readonly Dictionary<string, Collector> _collectors = new(StringComparer.Ordinal);
    private readonly GaugeFamilies _engineGauges;
    private readonly GaugeFamilies _sagaStates;
    private readonly Gauge _state;
    private readonly GaugeFamilies _sagaOutcomes;
    private readonly Counter _subtopologyProcessed;
    private readonly DeadLetterTopics? _deadLetters;
    private readonly Gauge _deadLetterRecords;
    private long _deadLettersReadAt;

    public StreamsMetricsBridge(IKafkaStreamsInstance instance, DeadLetterTopics? deadLetters = null)
    {
        _instance = instance;
        _deadLetters = deadLetters;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        _factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _engineGauges = new GaugeFamilies(_factory);
        _sagaStates = new GaugeFamilies(_factory);
        _sagaOutcomes = new GaugeFamilies(_factory);
        _state = _factory.CreateGauge(PrometheusNames.Prefix + "state", "1 for the KafkaStreams state the instance is in.", "state");
        _subtopologyProcessed = _factory.CreateCounter(
            PrometheusNames.Prefix + "subtopology_process_total", "Records processed by this instance's tasks of each sub-topology.", "subtopology");
        _deadLetterRecords = _factory.CreateGauge(
            PrometheusNames.Prefix + "dlt_records", "Records each dead-letter topic holds (read from the cluster at most every 10 s).", "topic");
        Registry.AddBeforeCollectCallback(Update);
    }

    /// <summary>The registry <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; }

    private void Update()
    {
        var current = _instance.State;
        foreach (var state in Enum.GetValues<KafkaStreamsState>())
        {
            _state.WithLabels(state.ToString()).Set(state == current ? 1 : 0);
        }

        lock (_collectors)
        {
            if (_instance.Metrics is { } metrics)
            {
                foreach (var sensor in metrics.Sensors)
                {
                    Export(sensor);
                }

                ExportSubtopologies(metrics);
                foreach (var gauge in metrics.ReadGauges())
                {
                    var (labelNames, labelValues) = Labels(gauge.Name);
                    var name = PrometheusNames.Metric(gauge.Name.Group, gauge.Name.Name);
                    _engineGauges.Set(name, $"Engine gauge {gauge.Name.Name} ({gauge.Name.Group}).", labelNames, labelValues, gauge.Value);
                }

                _engineGauges.EndScrape();
            }

            ExportSagaStates();
        }

        ExportDeadLetters();
    }

    // Counting asks the cluster (metadata, watermarks): not on every scrape, and never failing one.
    private void ExportDeadLetters()
    {
        var now = Environment.TickCount64;
        var readAt = Interlocked.Read(ref _deadLettersReadAt);
        if (_deadLetters is null || (readAt != 0 && now - readAt < 10_000))
        {
            return;
        }

        Interlocked.Exchange(ref _deadLettersReadAt, now);
        try
        {
            foreach (var topic in _deadLetters.List())
            {
                _deadLetterRecords.WithLabels(topic.Topic).Set(topic.Records);
            }
        }
        catch (Confluent.Kafka.KafkaException)
        {
            // The cluster cannot answer now: the gauges keep their last values until it can.
        }
    }

    private void Export(Sensor sensor)
    {
        var name = PrometheusNames.Metric(sensor.Name.Group, sensor.Name.Name);
        var (labelNames, labelValues) = Labels(sensor.Name);
        if (IsDistribution(sensor.Name.Name))
        {
            var latency = sensor.Name.Name.EndsWith("-latency", StringComparison.Ordinal);
            Get(name + "_sum", labelNames, (n, l) => _factory.CreateCounter(n, latency ? "Sum of the latencies in microseconds." : "Sum of the observed values.", l)).WithLabels(labelValues).IncTo(sensor.Sum);
            Get(name + "_count", labelNames, (n, l) => _factory.CreateCounter(n, "Observations (operations measured).", l)).WithLabels(labelValues).IncTo(sensor.Count);
            Get(name + "_max", labelNames, (n, l) => _factory.CreateGauge(n, latency ? "Largest latency in microseconds." : "Largest observed value.", l)).WithLabels(labelValues).Set(double.IsNaN(sensor.Max) ? 0 : sensor.Max);
        }
        else if (sensor.Name.Name.Contains("remaining", StringComparison.Ordinal))
        {
            // Recorded as signed deltas: the sum is the work left now, which goes down.
            var gauge = name.EndsWith("_total", StringComparison.Ordinal) ? name[..^"_total".Length] : name;
            Get(gauge, labelNames, (n, l) => _factory.CreateGauge(n, $"Engine sensor {sensor.Name.Name} ({sensor.Name.Group}).", l)).WithLabels(labelValues).Set(sensor.Sum);
        }
        else
        {
            var counter = name.EndsWith("_total", StringComparison.Ordinal) ? name : name + "_total";
            Get(counter, labelNames, (n, l) => _factory.CreateCounter(n, $"Engine sensor {sensor.Name.Name} ({sensor.Name.Group}).", l)).WithLabels(labelValues).IncTo(sensor.Sum);
        }
    }

    /// <summary>Sums the tasks' <c>process-total</c> per sub-topology (task ids are <c>subtopology_partition</c>).</summary>
    private void ExportSubtopologies(StreamsMetrics metrics)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var sensor in metrics.Find("process-total"))
        {
            if (sensor.Name.Group == "stream-task-metrics" && sensor.Name.Tag("task-id") is { } task && task.IndexOf('_', StringComparison.Ordinal) is > 0 and var separator)
            {
                var subtopology = task[..separator];
                sums[subtopology] = sums.GetValueOrDefault(subtopology) + sensor.Sum;
            }
        }

        foreach (var (subtopology, sum) in sums)
        {
            _subtopologyProcessed.WithLabels(subtopology).IncTo(sum);
        }
    }

    /// <summary>
    /// The sagas this instance hosts, by state and by outcome, each counted once (<see cref="SagaStates"/>); kept as they
    /// were while the store cannot be read (a rebalance). Gauges, not counters: a partition that moves takes its sagas
    /// to another instance.
    /// </summary>
    private void ExportSagaStates()
    {
        if (SagaStates.Read(_instance.Streams) is not { } sagas)
        {
            return;
        }

        foreach (var state in Enum.GetValues<SagaStatus>())
        {
            _sagaStates.Set(
                PrometheusNames.Prefix + "sagas", "Sagas currently in each state, in the saga.state partitions this instance hosts (sum over instances).",
                ["state"], [state.ToString()], sagas[state]);
        }

        const string outcomes = "Sagas finished, by outcome, in the saga.state partitions this instance hosts (sum over instances); timed_out ones are also failed or compensating.";
        _sagaOutcomes.Set(PrometheusNames.Prefix + "saga_outcomes", outcomes, ["outcome"], ["completed"], sagas[SagaStatus.COMPLETED]);
        _sagaOutcomes.Set(PrometheusNames.Prefix + "saga_outcomes", outcomes, ["outcome"], ["failed"], sagas[SagaStatus.FAILED]);
        _sagaOutcomes.Set(PrometheusNames.Prefix + "saga_outcomes", outcomes, ["outcome"], ["timed_out"], sagas.TimedOut);
        _sagaStates.EndScrape();
        _sagaOutcomes.EndScrape();
    }

    private static bool IsDistribution(string name) =>
        name.EndsWith("-latency", StringComparison.Ordinal) || name.EndsWith("-records", StringComparison.Ordinal);

    private static (string[] Names, string[] Values) Labels(MetricName name)
    {
        var labels = name.Tags.Select(t => PrometheusNames.Label(t.Key, t.Value)).ToArray();
        return (labels.Select(l => l.Label).ToArray(), labels.Select(l => l.Value).ToArray());
    }

    private T Get<T>(string name, string[] labelNames, Func<string, string[], T> create)
        where T : Collector
    {
        if (!_collectors.TryGetValue(name, out var collector))
        {
            collector = create(name, labelNames);
            _collectors.Add(name, collector);
        }

        return (T)collector;
    }
}
