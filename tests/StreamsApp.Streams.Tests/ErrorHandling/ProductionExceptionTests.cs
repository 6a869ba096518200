using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;
using StreamsApp.Streams.Tests.Processing;
using static StreamsApp.Streams.Tests.ErrorHandling.DeadLetterTestSupport;

namespace StreamsApp.Streams.Tests.ErrorHandling;

/// <summary>
/// A sink record that cannot be serialized, or that the broker rejects, goes to the production exception handler:
/// Fail surfaces to the task (a rejection on its next send or flush), Continue drops and counts it, DeadLetter sends
/// the source record that produced it to the DLT. The engine's own records (changelog, DLT) always fail.
/// </summary>
public sealed class ProductionExceptionTests
{
    /// <summary>source → pass → sink (whose value serializer rejects "BAD") → output; "ticker" forwards "tick" every second.</summary>
    private static Topology Pipeline() =>
        Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("pass", () => new LambdaProcessor<string, string, string, string>(
                (context, record) => context.Forward(record),
                init: context => context.Schedule(
                    TimeSpan.FromSeconds(1), PunctuationType.WallClockTime, t => context.Forward(new Record<string, string>("k", "tick", t)))), "source")
            .AddSink("sink", "output", Serdes.String(), new Serde<string>(new RejectingBad(), Serdes.String().Deserializer), "pass");

    /// <summary>Rejects the <paramref name="nth"/> record sent to <paramref name="topic"/> (1-based), as a broker would.</summary>
    private static TopologyTestDriverOptions Rejecting(string topic, int nth = 1)
    {
        var sent = 0;
        return new TopologyTestDriverOptions
        {
            RejectSend = (t, _) => t == topic && ++sent == nth ? new KafkaException(ErrorCode.MsgSizeTooLarge) : null,
        };
    }

    private static List<string> Output(TopologyTestDriver driver) =>
        [.. driver.CreateOutputTopic("output", Serdes.String(), Serdes.String()).ReadValuesToList()];

    [Fact]
    public void An_unserializable_record_is_dead_lettered_as_its_source_record()
    {
        using var driver = new TopologyTestDriver(Pipeline(), Config(production: ExceptionHandlers.LogAndDeadLetter));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeValueList(["a", "BAD", "b"]);

        Assert.Equal(["a", "b"], Output(driver));
        var dead = driver.DeadLetters("input").ReadRecord();
        Assert.Equal(Utf8("BAD"), dead.Value);
        Assert.Equal(("sink", "1"), (dead.Header(DeadLetterHeaders.ProcessorNode), dead.Header(DeadLetterHeaders.Offset)));
        Assert.Equal(typeof(StreamsException).FullName, dead.Header(DeadLetterHeaders.ExceptionClass));
        Assert.Contains("Sink 'sink' cannot serialize the record's value", dead.Header(DeadLetterHeaders.ExceptionMessage), StringComparison.Ordinal);
        Assert.Equal((1L, 0L), (driver.DeadLettered(), driver.Dropped()));
    }

    [Fact]
    public void An_unserializable_record_under_Continue_is_dropped_and_counted_after_the_handler_saw_it()
    {
        var handler = new RecordingHandler(ExceptionHandlerResponse.Continue);
        using var driver = new TopologyTestDriver(Pipeline(), Config(production: handler));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeValueList(["a", "BAD", "b"]);

        Assert.Equal(["a", "b"], Output(driver));
        var (context, topic, value) = Assert.Single(handler.SerializationFailures);
        Assert.Equal(("sink", "input", 1L, "output", "BAD"), (context.ProcessorNodeId, context.Topic, context.Offset, topic, value));
        Assert.DoesNotContain("input.DLT", driver.ProducedTopicNames);
        Assert.Equal((0L, 1L), (driver.DeadLettered(), driver.Dropped()));
    }

    [Fact]
    public void An_unserializable_record_fails_by_default_and_the_processing_handler_does_not_swallow_it()
    {
        using var driver = new TopologyTestDriver(Pipeline(), Config(processing: ExceptionHandlers.LogAndContinue));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        var error = Assert.Throws<FailedProductionException>(() => input.PipeInput("k", "BAD"));

        Assert.Equal(("output", "sink", 0L), (error.Topic, error.Context!.ProcessorNodeId, error.Context.Offset));
        Assert.IsType<FormatException>(error.InnerException!.InnerException);
        Assert.Equal(0L, driver.Dropped());
    }

    [Fact]
    public void A_rejected_send_under_Fail_surfaces_at_the_flush_and_again_on_every_later_send()
    {
        using var driver = new TopologyTestDriver(Pipeline(), Config(processing: ExceptionHandlers.LogAndContinue), Rejecting("output", nth: 2));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        input.PipeInput("k", "a");

        var error = Assert.Throws<FailedProductionException>(() => input.PipeInput("k", "b"));
        var again = Assert.Throws<FailedProductionException>(() => input.PipeInput("k", "c"));

        Assert.Same(error, again);
        Assert.Equal(("sink", 1L), (error.Context!.ProcessorNodeId, error.Context.Offset));
        Assert.IsType<KafkaException>(error.InnerException);
        Assert.Equal(["a"], Output(driver));
    }

    [Fact]
    public void A_rejected_send_under_Continue_is_dropped_and_counted()
    {
        using var driver = new TopologyTestDriver(Pipeline(), Config(production: ExceptionHandlers.LogAndContinue), Rejecting("output", nth: 2));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeValueList(["a", "b", "c"]);

        Assert.Equal(["a", "c"], Output(driver));
        Assert.Equal(1L, driver.Dropped());
    }

    [Fact]
    public void A_rejected_send_under_DeadLetter_dead_letters_the_source_record_captured_at_send_time()
    {
        var handler = new RecordingHandler(ExceptionHandlerResponse.DeadLetter);
        using var driver = new TopologyTestDriver(Pipeline(), Config(production: handler), Rejecting("output", nth: 2));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeValueList(["a", "b", "c"]);

        Assert.Equal(["a", "c"], Output(driver));
        var (destination, rejected) = Assert.Single(handler.Rejections);
        Assert.Equal((new TopicPartition("output", 0), "b"), (destination, Encoding.UTF8.GetString(rejected.Value!)));
        var dead = driver.DeadLetters("input").ReadRecord();
        Assert.Equal(Utf8("b"), dead.Value);
        Assert.Equal(("1", "sink"), (dead.Header(DeadLetterHeaders.Offset), dead.Header(DeadLetterHeaders.ProcessorNode)));
        Assert.Equal(typeof(KafkaException).FullName, dead.Header(DeadLetterHeaders.ExceptionClass));
        Assert.Equal(1L, driver.DeadLettered());
    }

    [Fact]
    public void A_rejected_record_a_punctuation_produced_has_no_source_so_DeadLetter_falls_back_to_fail()
    {
        using var driver = new TopologyTestDriver(Pipeline(), Config(production: ExceptionHandlers.LogAndDeadLetter), Rejecting("output"));

        var error = Assert.Throws<FailedProductionException>(() => driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1)));

        Assert.Equal(("sink", (string?)null), (error.Context!.ProcessorNodeId, error.Context.Topic));
        Assert.DoesNotContain("input.DLT", driver.ProducedTopicNames);
    }

    [Fact]
    public void A_rejected_changelog_record_fails_whatever_the_handler_says()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>("counts"));
        var changelog = AppId + "-counts-changelog";
        using var driver = new TopologyTestDriver(builder.Build(), Config(production: ExceptionHandlers.LogAndContinue), Rejecting(changelog));

        var error = Assert.Throws<FailedProductionException>(() => driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "v"));

        Assert.Equal((changelog, (ErrorHandlerContext?)null), (error.Topic, error.Context));
    }

    [Fact]
    public void A_rejected_dead_letter_record_fails_rather_than_being_lost()
    {
        var config = Config(deserialization: ExceptionHandlers.LogAndDeadLetter, production: ExceptionHandlers.LogAndContinue);
        using var driver = new TopologyTestDriver(Pipeline(), config, Rejecting("input.DLT"));
        var raw = driver.CreateInputTopic("input", Serdes.String(), Serdes.ByteArray());

        var error = Assert.Throws<FailedProductionException>(() => raw.PipeInput("k", [0xFF]));

        Assert.Equal("input.DLT", error.Topic);
        Assert.Equal(0L, driver.Dropped());
    }

    private sealed class RejectingBad : ISerializer<string>
    {
        public byte[] Serialize(string data, SerializationContext context) =>
            data == "BAD" ? throw new FormatException("BAD cannot be written") : Encoding.UTF8.GetBytes(data);
    }

    private sealed class RecordingHandler(ExceptionHandlerResponse response) : IProductionExceptionHandler
    {
        public List<(TopicPartition Destination, Message<byte[]?, byte[]?> Record)> Rejections { get; } = [];

        public List<(ErrorHandlerContext Context, string Topic, object? Value)> SerializationFailures { get; } = [];

        public ExceptionHandlerResponse Handle(
            ErrorHandlerContext context, TopicPartition destination, Message<byte[]?, byte[]?> record, Exception exception)
        {
            Rejections.Add((destination, record));
            return response;
        }

        public ExceptionHandlerResponse HandleSerializationException(
            ErrorHandlerContext context, string topic, object? key, object? value, Exception exception)
        {
            SerializationFailures.Add((context, topic, value));
            return response;
        }
    }
}
