using StreamsApp.Streams.Metrics.Internal;

namespace StreamsApp.Streams.Metrics;

/// <summary>
/// Records observations of one metric: a count, a sum and a maximum. One thread records; any thread may read
/// (values are read without locks, so a reader may see a count and a sum from two adjacent moments).
/// </summary>
public sealed class Sensor
{
    private long _count;
    private double _sum;
    private double _max = double.NaN;

    private readonly SensorHistogram? _histogram;
    private KeyValuePair<string, object?>[]? _attributes;

    /// <summary>Creates a sensor.</summary>
    public Sensor(MetricName name) => Name = name;

    internal Sensor(MetricName name, SensorHistogram? histogram)
        : this(name) => _histogram = histogram;

    /// <summary>The metric's name.</summary>
    public MetricName Name { get; }

    /// <summary>How many observations were recorded.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>The sum of the observed values.</summary>
    public double Sum => Volatile.Read(ref _sum);

    /// <summary>The largest observed value, NaN before the first.</summary>
    public double Max => Volatile.Read(ref _max);

    /// <summary>Counts one occurrence (value 1).</summary>
    public void Increment() => Record(1);

    /// <summary>Records one observation.</summary>
    public void Record(double value)
    {
        Volatile.Write(ref _sum, _sum + value);
        if (!(value <= _max))
        {
            Volatile.Write(ref _max, value);
        }

        Interlocked.Increment(ref _count);
        _histogram?.Record(value);
    }

    /// <summary>The name's tags as the engine's instruments carry them, made once.</summary>
    internal KeyValuePair<string, object?>[] Attributes => _attributes ??= StreamsMeter.Attributes(Name);
}
