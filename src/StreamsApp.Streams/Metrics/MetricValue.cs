namespace StreamsApp.Streams.Metrics;

/// <summary>A gauge's value at the moment it was read.</summary>
/// <param name="Name">The metric.</param>
/// <param name="Value">Its value.</param>
public readonly record struct MetricValue(MetricName Name, double Value);
