using StreamsApp.Streams.Metrics;

namespace StreamsApp.Streams.Tests.Metrics;

public sealed class StreamsMetricsGaugeTests
{
    [Fact]
    public void Gauges_are_measured_at_each_read_until_removed()
    {
        var metrics = new StreamsMetrics();
        var owner = new object();
        var size = 3;
        metrics.AddGauges(owner, values => values.Add(new MetricValue(MetricName.Of("size", "g", "store", "s"), size)));

        var first = Assert.Single(metrics.ReadGauges());
        size = 5;
        var second = Assert.Single(metrics.ReadGauges());
        metrics.RemoveGauges(owner);

        Assert.Equal(3, first.Value);
        Assert.Equal(5, second.Value);
        Assert.Equal("s", second.Name.Tag("store"));
        Assert.Empty(metrics.ReadGauges());
    }

    [Fact]
    public void Adding_again_replaces_the_owners_gauges()
    {
        var metrics = new StreamsMetrics();
        var owner = new object();
        metrics.AddGauges(owner, values => values.Add(new MetricValue(MetricName.Of("a", "g"), 1)));
        metrics.AddGauges(owner, values => values.Add(new MetricValue(MetricName.Of("b", "g"), 2)));
        metrics.AddGauges(new object(), values => values.Add(new MetricValue(MetricName.Of("c", "g"), 3)));

        Assert.Equal(["b", "c"], metrics.ReadGauges().Select(v => v.Name.Name).Order());
    }

    [Fact]
    public void Names_sort_their_tags_so_equal_names_are_equal()
    {
        var name = MetricName.Of("records-lag", "g", "topic", "t", "partition", "1");

        Assert.Equal(["partition", "topic"], name.Tags.Select(t => t.Key));
        Assert.Equal(MetricName.Of("records-lag", "g", "partition", "1", "topic", "t"), name);
    }
}
