using System.Collections.Concurrent;

namespace StreamsApp.Streams.Metrics;

/// <summary>The registry of an application's sensors; exporters (Prometheus) read <see cref="Sensors"/>.</summary>
public sealed class StreamsMetrics
{
    private readonly ConcurrentDictionary<MetricName, Sensor> _sensors = new();

    /// <summary>Creates a registry.</summary>
    /// <param name="recordingLevel">Whether debug-level sensors record.</param>
    public StreamsMetrics(MetricsRecordingLevel recordingLevel = MetricsRecordingLevel.Info) => RecordingLevel = recordingLevel;

    /// <summary>Whether debug-level sensors (per store operation) record.</summary>
    public MetricsRecordingLevel RecordingLevel { get; }

    /// <summary>Every sensor registered so far.</summary>
    public IEnumerable<Sensor> Sensors => _sensors.Values;

    /// <summary>Returns the sensor of that name, creating it on first use.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="group">The metric group.</param>
    /// <param name="tags">Tags as alternating keys and values.</param>
    public Sensor Sensor(string name, string group, params string[] tags)
    {
        var pairs = new List<KeyValuePair<string, string>>(tags.Length / 2);
        for (var i = 0; i + 1 < tags.Length; i += 2)
        {
            pairs.Add(new(tags[i], tags[i + 1]));
        }

        pairs.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var metricName = new MetricName(name, group, pairs);
        return _sensors.GetOrAdd(metricName, static n => new Sensor(n));
    }

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
}
