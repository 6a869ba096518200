using System.Diagnostics.Metrics;

namespace StreamsApp.Streams.Metrics.Internal;

/// <summary>The histogram a sensor records each value into as well, scaled (microseconds to seconds) and with its attributes.</summary>
internal sealed class SensorHistogram(Histogram<double> histogram, double scale, KeyValuePair<string, object?>[] attributes)
{
    // Without a listener the histogram is disabled, and a record costs one check.
    public void Record(double value)
    {
        if (histogram.Enabled)
        {
            histogram.Record(value * scale, attributes);
        }
    }
}
