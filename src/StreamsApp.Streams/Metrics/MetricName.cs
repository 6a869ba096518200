namespace StreamsApp.Streams.Metrics;

/// <summary>Names a metric as Kafka Streams does: a name, a group and tags (e.g. thread-id, task-id, store name).</summary>
/// <param name="Name">The metric name, e.g. <c>dropped-records-total</c>.</param>
/// <param name="Group">The group, e.g. <c>stream-task-metrics</c>.</param>
/// <param name="Tags">Tags as <c>key=value</c> pairs, sorted by key.</param>
public sealed record MetricName(string Name, string Group, IReadOnlyList<KeyValuePair<string, string>> Tags)
{
    /// <summary>Creates a name from tags given as alternating keys and values (sorted by key here).</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="group">The metric group.</param>
    /// <param name="tags">Tags as alternating keys and values.</param>
    public static MetricName Of(string name, string group, params string[] tags)
    {
        var pairs = new List<KeyValuePair<string, string>>(tags.Length / 2);
        for (var i = 0; i + 1 < tags.Length; i += 2)
        {
            pairs.Add(new(tags[i], tags[i + 1]));
        }

        pairs.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new MetricName(name, group, pairs);
    }

    /// <summary>The tag's value, or null.</summary>
    public string? Tag(string key)
    {
        foreach (var tag in Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(MetricName? other) =>
        other is not null && Name == other.Name && Group == other.Group && Tags.SequenceEqual(other.Tags);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Group, Tags.Count);
}
