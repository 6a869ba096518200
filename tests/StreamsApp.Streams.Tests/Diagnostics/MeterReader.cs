using System.Diagnostics.Metrics;

namespace StreamsApp.Streams.Tests.Diagnostics;

/// <summary>Reads the instruments of one meter as an exporter would: observable ones on demand, histograms as recorded.</summary>
internal sealed class MeterReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Observation> _recorded = [];
    private readonly HashSet<string> _completed = [];

    public MeterReader(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) =>
        {
            lock (_completed)
            {
                _completed.Add(instrument.Name);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            lock (_recorded)
            {
                _recorded.Add(new Observation(instrument, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));
            }
        });
        _listener.Start();
    }

    /// <summary>A measurement: the instrument, its value and its attributes.</summary>
    public sealed record Observation(Instrument Instrument, double Value, Dictionary<string, string?> Tags);

    /// <summary>Instruments whose measurements ended (their meter was disposed).</summary>
    public IReadOnlySet<string> Completed
    {
        get
        {
            lock (_completed)
            {
                return _completed.ToHashSet();
            }
        }
    }

    /// <summary>What the observable instruments report now.</summary>
    public List<Observation> Observe(string instrument)
    {
        lock (_recorded)
        {
            _recorded.Clear();
        }

        _listener.RecordObservableInstruments();
        return Recorded(instrument);
    }

    /// <summary>What <paramref name="instrument"/> recorded since the last <see cref="Observe"/> (histograms).</summary>
    public List<Observation> Recorded(string instrument)
    {
        lock (_recorded)
        {
            return _recorded.Where(o => o.Instrument.Name == instrument).ToList();
        }
    }

    public void Dispose() => _listener.Dispose();
}
