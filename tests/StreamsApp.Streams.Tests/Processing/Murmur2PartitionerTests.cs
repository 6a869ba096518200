using System.Text;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>The Java-compatible default partitioner: Kafka's murmur2, made positive by masking, modulo the count.</summary>
public sealed class Murmur2PartitionerTests
{
    [Theory]
    // Kafka's own vectors (clients UtilsTest.testMurmur2), plus the empty array.
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971)]
    [InlineData("abc", 479470107)]
    [InlineData("", 275646681)]
    public void Murmur2_matches_the_java_client(string key, int expected)
    {
        Assert.Equal(expected, Murmur2Partitioner.Murmur2(Encoding.UTF8.GetBytes(key)));
    }

    [Theory]
    // toPositive (hash & 0x7fffffff) % n; Math.Abs would give 2, 6, 8, 2 and 6 for the negative hashes here.
    [InlineData("21", 3, 0)]
    [InlineData("21", 7, 3)]
    [InlineData("21", 10, 0)]
    [InlineData("foobar", 10, 6)]
    [InlineData("a-little-bit-long-string", 10, 2)]
    [InlineData("abc", 7, 4)]
    public void Partition_is_the_masked_hash_modulo_the_partition_count(string key, int partitionCount, int expected)
    {
        Assert.Equal(expected, Murmur2Partitioner.Partition(Encoding.UTF8.GetBytes(key), partitionCount));
    }

    [Fact]
    public void Sinks_partition_by_murmur2_of_the_serialized_key()
    {
        var topology = TestTopologies.Pipeline(TestTopologies.Observing((_, _) => { }));
        var options = new TopologyTestDriverOptions();
        options.TopicPartitions["output"] = 10;
        using var driver = new TopologyTestDriver(topology, options: options);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());

        foreach (var key in new[] { "21", "foobar", "a-little-bit-long-string", "abc" })
        {
            input.PipeInput(key, "v");
        }

        Assert.Equal([("21", 0), ("foobar", 6), ("a-little-bit-long-string", 2), ("abc", 7)],
            output.ReadRecordsToList().Select(r => (r.Key, r.Partition!.Value)));
    }

    [Fact]
    public void A_custom_stream_partitioner_is_used_and_null_falls_back_to_murmur2()
    {
        var seen = new List<(string Topic, int Count)>();
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddSink("sink", "output", Serdes.String(), Serdes.String(), (topic, key, _, count) =>
            {
                seen.Add((topic, count));
                return key == "pinned" ? count - 1 : null;
            }, "source");
        var options = new TopologyTestDriverOptions();
        options.TopicPartitions["output"] = 10;
        using var driver = new TopologyTestDriver(topology, options: options);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("pinned", "v");
        input.PipeInput("foobar", "v");

        var partitions = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String()).ReadRecordsToList().Select(r => r.Partition);
        Assert.Equal([9, 6], partitions);
        Assert.Equal([("output", 10), ("output", 10)], seen);
    }
}
