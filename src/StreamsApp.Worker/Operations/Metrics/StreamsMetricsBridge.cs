using Prometheus;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Operations.Metrics;

/// <summary>
/// Exposes the engine's sensors as Prometheus metrics, read at scrape time: counting sensors (<c>*-total</c>) as
/// counters, remaining-work sensors as gauges, latency sensors as <c>_sum</c>/<c>_count</c> counters and a
/// <c>_max</c> gauge; plus the instance state and the saga outcomes. Rates (records/s per thread) are PromQL's
/// <c>rate()</c> over the counters.
/// </summary>
internal sealed class StreamsMetricsBridge
{
    private readonly IStreamsInstance _instance;
    private readonly SagaOutcomes _sagas;
    private readonly MetricFactory _factory;
    private readonly Dictionary<string, Collector> _collectors = new(StringComparer.Ordinal);
    private readonly Gauge _state;
    private readonly Counter _sagaOutcomes;

    public StreamsMetricsBridge(IStreamsInstance instance, SagaOutcomes sagas)
    {
        _instance = instance;
        _sagas = sagas;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        _factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _state = _factory.CreateGauge(PrometheusNames.Prefix + "state", "1 for the KafkaStreams state the instance is in.", "state");
        _sagaOutcomes = _factory.CreateCounter(PrometheusNames.Prefix + "saga_outcomes_total", "Sagas finished, by outcome (from saga.events).", "outcome");
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

        _sagaOutcomes.WithLabels("completed").IncTo(_sagas.Completed);
        _sagaOutcomes.WithLabels("failed").IncTo(_sagas.Failed);
        _sagaOutcomes.WithLabels("timed_out").IncTo(_sagas.TimedOut);
        if (_instance.Metrics is { } metrics)
        {
            lock (_collectors)
            {
                foreach (var sensor in metrics.Sensors)
                {
                    Export(sensor);
                }
            }
        }
    }

    private void Export(Sensor sensor)
    {
        var name = PrometheusNames.Metric(sensor.Name.Group, sensor.Name.Name);
        var labels = sensor.Name.Tags.Select(t => PrometheusNames.Label(t.Key, t.Value)).ToArray();
        var labelNames = labels.Select(l => l.Label).ToArray();
        var labelValues = labels.Select(l => l.Value).ToArray();
        if (sensor.Name.Name.EndsWith("-latency", StringComparison.Ordinal))
        {
            Get(name + "_sum", labelNames, (n, l) => _factory.CreateCounter(n, "Sum of the latencies in microseconds.", l)).WithLabels(labelValues).IncTo(sensor.Sum);
            Get(name + "_count", labelNames, (n, l) => _factory.CreateCounter(n, "Operations measured.", l)).WithLabels(labelValues).IncTo(sensor.Count);
            Get(name + "_max", labelNames, (n, l) => _factory.CreateGauge(n, "Largest latency in microseconds.", l)).WithLabels(labelValues).Set(double.IsNaN(sensor.Max) ? 0 : sensor.Max);
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
