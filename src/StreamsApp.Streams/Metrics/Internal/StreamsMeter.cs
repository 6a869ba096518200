using System.Diagnostics;
using System.Diagnostics.Metrics;
using StreamsApp.Streams.Diagnostics;

namespace StreamsApp.Streams.Metrics.Internal;

/// <summary>
/// The <see cref="Meter"/> view of one <see cref="StreamsMetrics"/> registry (<see cref="InstrumentCatalog"/>):
/// observable instruments read its sensors and gauges at each collection, histograms are recorded by the sensors
/// themselves. Disposed with the registry, which ends every series of the instance.
/// </summary>
internal sealed class StreamsMeter : IDisposable
{
    // Longer than one collection takes, shorter than any scrape interval.
    private static readonly TimeSpan GaugeSnapshotLifetime = TimeSpan.FromMilliseconds(100);

    private readonly StreamsMetrics _metrics;
    private readonly Meter _meter = new(StreamsDiagnostics.MeterName, typeof(StreamsMeter).Assembly.GetName().Version?.ToString());
    private readonly Dictionary<string, Histogram<double>> _histograms = new(StringComparer.Ordinal);
    private GaugeSnapshot? _gauges;

    public StreamsMeter(StreamsMetrics metrics)
    {
        _metrics = metrics;
        foreach (var instrument in InstrumentCatalog.Specs.GroupBy(s => s.Value.Instrument, StringComparer.Ordinal))
        {
            var spec = instrument.First().Value;
            var metricsOf = instrument.Select(s => s.Key).ToHashSet();
            switch (spec.Kind)
            {
                case InstrumentKind.Counter:
                    _meter.CreateObservableCounter(spec.Instrument, () => ObserveSensors(metricsOf), spec.Unit, spec.Description);
                    break;
                case InstrumentKind.UpDownCounter:
                    _meter.CreateObservableUpDownCounter(spec.Instrument, () => ObserveSensors(metricsOf), spec.Unit, spec.Description);
                    break;
                case InstrumentKind.Gauge:
                    _meter.CreateObservableGauge(spec.Instrument, () => ObserveGauges(metricsOf), spec.Unit, spec.Description);
                    break;
                default:
                    _histograms[spec.Instrument] = _meter.CreateHistogram<double>(spec.Instrument, spec.Unit, spec.Description);
                    break;
            }
        }

        _meter.CreateObservableCounter(
            "streamsapp.subtopology.processed", ObserveSubtopologies, "{record}", "Records the instance's tasks of a sub-topology processed.");
    }

    /// <summary>What a new sensor records besides its sum: its histogram, when its metric is one; else null.</summary>
    public SensorHistogram? HistogramFor(MetricName name) =>
        InstrumentCatalog.Specs.TryGetValue((name.Group, name.Name), out var spec) && spec.Kind == InstrumentKind.Histogram
            ? new SensorHistogram(_histograms[spec.Instrument], spec.Scale, Attributes(name, spec.Operation, withTask: false))
            : null;

    /// <summary>A metric's tags as instrument attributes, a store's type and an operation added.</summary>
    public static KeyValuePair<string, object?>[] Attributes(MetricName name, string? operation = null, bool withTask = true)
    {
        var attributes = new List<KeyValuePair<string, object?>>(name.Tags.Count + 2);
        foreach (var tag in name.Tags)
        {
            if (!withTask && tag.Key == InstrumentCatalog.TaskTag)
            {
                continue;
            }

            attributes.Add(InstrumentCatalog.Attribute(tag));
            if (InstrumentCatalog.StoreType(tag) is { } storeType)
            {
                attributes.Add(new("store.type", storeType));
            }
        }

        if (operation is not null)
        {
            attributes.Add(new("operation", operation));
        }

        return [.. attributes];
    }

    /// <summary>The meter itself, for tests that listen to one instance's instruments.</summary>
    internal Meter Meter => _meter;

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> ObserveSensors(HashSet<(string Group, string Name)> metrics)
    {
        foreach (var sensor in _metrics.Sensors)
        {
            if (metrics.Contains((sensor.Name.Group, sensor.Name.Name)))
            {
                yield return new Measurement<double>(sensor.Sum, sensor.Attributes);
            }
        }
    }

    private IEnumerable<Measurement<double>> ObserveGauges(HashSet<(string Group, string Name)> metrics)
    {
        foreach (var gauge in Gauges())
        {
            if (metrics.Contains((gauge.Name.Group, gauge.Name.Name)))
            {
                yield return new Measurement<double>(gauge.Value, Attributes(gauge.Name));
            }
        }
    }

    // One collection observes every gauge instrument in turn; reading the gauges (store sizes under the stores' locks,
    // consumer lag) once for all of them, rather than once per instrument, is what the snapshot is for.
    private IReadOnlyList<MetricValue> Gauges()
    {
        var now = Stopwatch.GetTimestamp();
        if (Volatile.Read(ref _gauges) is { } snapshot && Stopwatch.GetElapsedTime(snapshot.ReadAt, now) < GaugeSnapshotLifetime)
        {
            return snapshot.Values;
        }

        var values = _metrics.ReadGauges();
        Volatile.Write(ref _gauges, new GaugeSnapshot(now, values));
        return values;
    }

    // Task ids are <subtopology>_<partition>: the sum of a sub-topology's tasks on this instance.
    private IEnumerable<Measurement<double>> ObserveSubtopologies() =>
        _metrics.Find("process-total")
            .Where(s => s.Name.Group == "stream-task-metrics" && s.Name.Tag(InstrumentCatalog.TaskTag) is not null)
            .GroupBy(s => s.Name.Tag(InstrumentCatalog.TaskTag)!.Split('_')[0], StringComparer.Ordinal)
            .Select(g => new Measurement<double>(g.Sum(s => s.Sum), new KeyValuePair<string, object?>("subtopology", g.Key)));

    private sealed record GaugeSnapshot(long ReadAt, IReadOnlyList<MetricValue> Values);
}
