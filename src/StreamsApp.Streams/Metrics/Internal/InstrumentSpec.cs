namespace StreamsApp.Streams.Metrics.Internal;

/// <summary>What an engine metric is as a <see cref="System.Diagnostics.Metrics.Meter"/> instrument.</summary>
internal enum InstrumentKind
{
    /// <summary>A monotonic count (a sensor's sum), observed at collection.</summary>
    Counter,

    /// <summary>A count that also goes down (a sensor recorded with signed deltas), observed at collection.</summary>
    UpDownCounter,

    /// <summary>A distribution, recorded as each value is (latencies in seconds).</summary>
    Histogram,

    /// <summary>A value measured when read (an engine gauge), observed at collection.</summary>
    Gauge,
}

/// <summary>One engine metric's instrument.</summary>
/// <param name="Instrument">The instrument's name (<c>streamsapp.task.processed</c>); several metrics may share one.</param>
/// <param name="Kind">The instrument kind.</param>
/// <param name="Unit">UCUM unit (<c>s</c>, <c>By</c>, <c>{record}</c>).</param>
/// <param name="Description">What it measures.</param>
/// <param name="Scale">Multiplies recorded values (microseconds to seconds).</param>
/// <param name="Operation">For instruments several metrics share, the <c>operation</c> attribute telling them apart.</param>
internal sealed record InstrumentSpec(
    string Instrument, InstrumentKind Kind, string Unit, string Description, double Scale = 1, string? Operation = null);
