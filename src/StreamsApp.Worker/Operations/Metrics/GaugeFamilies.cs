using Prometheus;

namespace StreamsApp.Worker.Operations.Metrics;

/// <summary>
/// Gauges whose series are measured afresh at each scrape: a series not set again in a scrape (a task that moved, a
/// partition revoked) is removed at <see cref="EndScrape"/>, so that it does not linger with its last value.
/// Callers serialize scrapes.
/// </summary>
internal sealed class GaugeFamilies(MetricFactory factory)
{
    private readonly Dictionary<string, Family> _families = new(StringComparer.Ordinal);

    /// <summary>Sets one series of the gauge <paramref name="name"/>, creating the gauge on first use.</summary>
    public void Set(string name, string help, string[] labelNames, string[] labelValues, double value)
    {
        if (!_families.TryGetValue(name, out var family))
        {
            family = new Family(factory.CreateGauge(name, help, labelNames));
            _families.Add(name, family);
        }

        family.Gauge.WithLabels(labelValues).Set(value);
        var key = string.Join('\u001f', labelValues);
        family.Seen.Add(key);
        family.Current[key] = labelValues;
    }

    /// <summary>Removes the series not set since the last scrape.</summary>
    public void EndScrape()
    {
        foreach (var family in _families.Values)
        {
            foreach (var key in family.Current.Keys.Where(k => !family.Seen.Contains(k)).ToList())
            {
                family.Gauge.RemoveLabelled(family.Current[key]);
                family.Current.Remove(key);
            }

            family.Seen.Clear();
        }
    }

    private sealed record Family(Gauge Gauge)
    {
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string[]> Current { get; } = new(StringComparer.Ordinal);
    }
}
