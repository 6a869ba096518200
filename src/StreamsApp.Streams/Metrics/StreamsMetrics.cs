using System.Collections.Concurrent;
using StreamsApp.Streams.Metrics.Internal;

namespace StreamsApp.Streams.Metrics;

/// <summary>
/// The registry of an application's metrics, under Kafka Streams' names: <see cref="Sensors"/>, which the engine
/// records as things happen, and gauges, which are measured only when read (<see cref="ReadGauges"/>). Exporters read
/// them as instruments of the <see cref="System.Diagnostics.Metrics.Meter"/> named
/// <see cref="Diagnostics.StreamsDiagnostics.MeterName"/>, which the registry owns until it is disposed.
/// </summary>
public sealed class StreamsMetrics : IDisposable
{
    private readonly ConcurrentDictionary<MetricName, Sensor> _sensors = new();
    private readonly ConcurrentDictionary<object, Action<ICollection<MetricValue>>> _gauges = new(ReferenceEqualityComparer.Instance);
    private readonly StreamsMeter _meter;

    /// <summary>Creates a registry.</summary>
    /// <param name="recordingLevel">Whether debug-level sensors record.</param>
    public StreamsMetrics(MetricsRecordingLevel recordingLevel = MetricsRecordingLevel.Info)
    {
        RecordingLevel = recordingLevel;
        _meter = new StreamsMeter(this);
    }

    /// <summary>Whether debug-level sensors (per store operation) record.</summary>
    public MetricsRecordingLevel RecordingLevel { get; }

    /// <summary>Every sensor registered so far.</summary>
    public IEnumerable<Sensor> Sensors => _sensors.Values;

    /// <summary>Returns the sensor of that name, creating it on first use.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="group">The metric group.</param>
    /// <param name="tags">Tags as alternating keys and values.</param>
    public Sensor Sensor(string name, string group, params string[] tags) =>
        _sensors.GetOrAdd(MetricName.Of(name, group, tags), static (n, meter) => new Sensor(n, meter.HistogramFor(n)), _meter);

    /// <summary>Finds sensors by name (and optionally a tag value), for tests and exporters.</summary>
    public IEnumerable<Sensor> Find(string name, string? tagKey = null, string? tagValue = null)
    {
        foreach (var sensor in _sensors.Values)
        {
            if (sensor.Name.Name == name && (tagKey is null || sensor.Name.Tag(tagKey) == tagValue))
            {
                yield return sensor;
            }
        }
    }

    /// <summary>
    /// Registers gauges measured when read (Kafka's <c>Gauge</c>): <paramref name="read"/> adds the current value of
    /// each of its metrics; it runs on the reader's thread, so it must be thread-safe. Replaces the owner's earlier ones.
    /// </summary>
    /// <param name="owner">Identifies the gauges for <see cref="RemoveGauges"/>.</param>
    /// <param name="read">Adds the current values.</param>
    public void AddGauges(object owner, Action<ICollection<MetricValue>> read)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(read);
        _gauges[owner] = read;
    }

    /// <summary>Removes the gauges of <paramref name="owner"/>; their metrics are no longer read.</summary>
    public void RemoveGauges(object owner) => _gauges.TryRemove(owner, out _);

    /// <summary>Measures every registered gauge now, on the caller's thread.</summary>
    public IReadOnlyList<MetricValue> ReadGauges()
    {
        var values = new List<MetricValue>();
        foreach (var read in _gauges.Values)
        {
            read(values);
        }

        return values;
    }

    /// <summary>
    /// Removes the sensors of a task a thread closed (its <c>task-id</c>, and its <c>thread-id</c> where they have one),
    /// as Kafka Streams removes task-level sensors: the task's series end here, and continue where it runs next.
    /// </summary>
    /// <param name="threadId">The thread that ran the task.</param>
    /// <param name="taskId">The task.</param>
    internal void RemoveTaskSensors(string threadId, string taskId)
    {
        foreach (var name in _sensors.Keys)
        {
            if (name.Tag(InstrumentCatalog.TaskTag) == taskId && name.Tag("thread-id") is var thread && (thread is null || thread == threadId))
            {
                _sensors.TryRemove(name, out _);
            }
        }
    }

    /// <summary>The meter of this registry's instruments.</summary>
    internal System.Diagnostics.Metrics.Meter Meter => _meter.Meter;

    /// <summary>Ends the registry's instruments; the sensors stay readable.</summary>
    public void Dispose() => _meter.Dispose();
}
