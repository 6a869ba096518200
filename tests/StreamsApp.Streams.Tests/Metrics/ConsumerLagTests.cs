using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Metrics;

public sealed class ConsumerLagTests
{
    // The parts of librdkafka's consumer statistics the lag reads (the "-1" partition is librdkafka's unassigned queue).
    private const string Statistics = """
        {"name": "t-1-consumer", "type": "consumer", "topics": {
          "in": {"topic": "in", "partitions": {
            "0": {"partition": 0, "hi_offset": 100, "ls_offset": 90, "app_offset": 60, "committed_offset": 50},
            "1": {"partition": 1, "hi_offset": 40, "ls_offset": 40, "app_offset": -1001, "committed_offset": 35},
            "2": {"partition": 2, "hi_offset": 10, "ls_offset": 10, "app_offset": -1001, "committed_offset": -1001},
            "3": {"partition": 3, "hi_offset": 7, "ls_offset": 7, "app_offset": 7, "committed_offset": 7},
            "-1": {"partition": -1, "hi_offset": -1001, "ls_offset": -1001, "app_offset": -1001, "committed_offset": -1001}}},
          "other": {"topic": "other", "partitions": {
            "0": {"partition": 0, "hi_offset": 5, "ls_offset": 5, "app_offset": 0, "committed_offset": 0}}}}}
        """;

    private static readonly HashSet<(string, int)> Assigned = [("in", 0), ("in", 1), ("in", 2), ("in", 3)];

    private static Dictionary<string, double> Read(ConsumerLag lag)
    {
        var values = new List<MetricValue>();
        lag.Read("t-1", Assigned, values);
        Assert.All(values, v => Assert.Equal(("records-lag", "consumer-fetch-manager-metrics", "t-1", "in"), (v.Name.Name, v.Name.Group, v.Name.Tag("thread-id"), v.Name.Tag("topic"))));
        return values.ToDictionary(v => v.Name.Tag("partition")!, v => v.Value);
    }

    [Fact]
    public void Lag_is_the_end_minus_the_position_of_each_assigned_partition_known()
    {
        var lag = new ConsumerLag(readCommitted: false);
        lag.OnStatistics(Statistics);

        // Partition 1 has consumed nothing yet: from the committed offset. Partition 2 knows no position: left out.
        Assert.Equal(new Dictionary<string, double> { ["0"] = 40, ["1"] = 5, ["3"] = 0 }, Read(lag));
    }

    [Fact]
    public void Read_committed_lag_ends_at_the_last_stable_offset()
    {
        var lag = new ConsumerLag(readCommitted: true);
        lag.OnStatistics(Statistics);

        Assert.Equal(30, Read(lag)["0"]);
    }

    [Fact]
    public void No_statistics_yet_means_no_lag()
    {
        Assert.Empty(Read(new ConsumerLag(readCommitted: false)));
    }
}
