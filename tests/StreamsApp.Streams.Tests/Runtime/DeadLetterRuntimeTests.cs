using System.Text;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>On the embedded cluster, a poison record lands in its DLT (created on first use) while the rest flows.</summary>
public sealed class DeadLetterRuntimeTests
{
    [Fact]
    public async Task A_poison_record_lands_in_the_DLT_on_its_partition_with_its_metadata_while_the_rest_flows()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("amounts", 2);
        cluster.CreateTopic("doubled", 2);
        var builder = new StreamsBuilder();
        builder.Stream("amounts", Consumed.With(Serdes.String(), Serdes.Int32()))
            .MapValues(v => v * 2)
            .To("doubled", Produced.With(Serdes.String(), Serdes.Int32()));
        using var dir = new TempDir();
        var config = Config(cluster, "dlt-app", dir.Path);
        config.DeserializationExceptionHandler = ExceptionHandlers.LogAndDeadLetter;
        await using var streams = new KafkaStreams(builder.Build(), config, Options(cluster));
        await streams.StartAsync();

        // Four UTF-8 bytes read as an Int32; three do not.
        Produce(cluster, "amounts", [("a", "aaaa"), ("b", "bad"), ("c", "cccc")]);

        Assert.Equal(["a", "c"], ReadUntil(cluster, "doubled", r => r.Count == 2).Select(r => Encoding.UTF8.GetString(r.Message.Key)).Order());
        var dead = Assert.Single(ReadUntil(cluster, "amounts.DLT", r => r.Count == 1));
        Assert.Equal("bad", Encoding.UTF8.GetString(dead.Message.Value));
        string Header(string name) => Encoding.UTF8.GetString(dead.Message.Headers.GetLastBytes(name));
        Assert.Equal(("amounts", dead.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "dlt-app", "1"),
            (Header(DeadLetterHeaders.Topic), Header(DeadLetterHeaders.Partition), Header(DeadLetterHeaders.ConsumerGroup), Header(DeadLetterHeaders.AttemptCount)));
        Assert.Equal(typeof(SerdeException).FullName, Header(DeadLetterHeaders.ExceptionClass));
    }
}
