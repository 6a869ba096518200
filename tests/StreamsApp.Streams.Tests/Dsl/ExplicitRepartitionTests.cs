using System.Text;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary><c>IKStream.Repartition</c>: an explicit repartition topic with a chosen name, partition count and partitioner.</summary>
public class ExplicitRepartitionTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void A_chosen_partition_count_sizes_the_topic_and_the_downstream_tasks()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .Repartition(Repartitioned.As<string, string>("spread").WithNumberOfPartitions(4))
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>("counts"));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        string[] keys = ["a", "b", "c", "d", "e", "f", "g", "h"];

        foreach (var key in keys)
        {
            input.PipeInput(key, "v", 1);
        }

        var topic = driver.CreateOutputTopic("test-driver-spread-repartition", Serdes.String(), Serdes.String());
        var expected = keys.Select(k => (int?)Murmur2Partitioner.Partition(Encoding.UTF8.GetBytes(k), 4)).ToList();
        Assert.Equal(expected, topic.ReadRecordsToList().Select(r => r.Partition).ToList());
        Assert.Equal(4, expected.Distinct().Count());
        foreach (var key in keys)
        {
            var owner = Murmur2Partitioner.Partition(Encoding.UTF8.GetBytes(key), 4);
            Assert.Equal(1L, driver.GetKeyValueStore<string, long>("counts", owner).Get(key));
        }

        Assert.DoesNotContain(driver.ProducedTopicNames, t => t.EndsWith("counts-repartition", StringComparison.Ordinal));
    }

    [Fact]
    public void A_partitioner_chooses_the_partition_and_generated_names_follow_Kafka_Streams()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .Repartition(Repartitioned.NumberOfPartitions<string, string>(3).WithStreamPartitioner((_, _, v, _) => v.Length % 3))
            .To("out");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "xx", 1);
        input.PipeInput("k", "x", 2);

        const string topic = "test-driver-KSTREAM-REPARTITION-0000000001-repartition";
        Assert.Equal(
            [2, 1],
            driver.CreateOutputTopic(topic, Serdes.String(), Serdes.String()).ReadRecordsToList().Select(r => r.Partition ?? -1));
        Assert.Contains("Sink: KSTREAM-SINK-0000000002 (topic: KSTREAM-REPARTITION-0000000001-repartition)", builder.Build().Describe().ToString());
    }
}
