namespace StreamsApp.Streams.Metrics;

/// <summary>Names a metric as Kafka Streams does: a name, a group and tags (e.g. thread-id, task-id, store name).</summary>
/// <param name="Name">The metric name, e.g. <c>dropped-records-total</c>.</param>
/// <param name="Group">The group, e.g. <c>stream-task-metrics</c>.</param>
/// <param name="Tags">Tags as <c>key=value</c> pairs, sorted by key.</param>
public sealed record MetricName(string Name, string Group, IReadOnlyList<KeyValuePair<string, string>> Tags)
{
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
