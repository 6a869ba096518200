using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>A processor that throws: fail with the record's coordinates, or let a handler drop the record (KIP-1033).</summary>
public sealed class ProcessingExceptionTests
{
    /// <summary>source → mapper (forwards) → boom (throws on values containing "ERR") → sink.</summary>
    private static Topology Failing() =>
        Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("mapper", TestTopologies.Observing((_, _) => { }), "source")
            .AddProcessor("boom", () => new LambdaProcessor<string, string, string, string>((context, record) =>
            {
                if (record.Value.Contains("ERR", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("bad value " + record.Value);
                }

                context.Forward(record);
            }), "mapper")
            .AddSink("sink", "output", Serdes.String(), Serdes.String(), "boom");

    private static double DroppedRecords(TopologyTestDriver driver, string taskId) =>
        driver.Metrics.Find("dropped-records-total", "task-id", taskId).Single().Count;

    [Fact]
    public void By_default_the_failure_names_task_processor_topic_partition_and_offset()
    {
        using var driver = new TopologyTestDriver(Failing());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        input.PipeInput("k", "ok", 1);

        var error = Assert.Throws<FailedProcessingException>(() => input.PipeInput("k", "ERR-1", 2));

        Assert.Contains("taskId=0_0, processor=boom, topic=input, partition=0, offset=1", error.Message, StringComparison.Ordinal);
        Assert.Equal(("boom", "input", 0, 1L, new TaskId(0, 0)),
            (error.Context.ProcessorNodeId, error.Context.Topic, error.Context.Partition, error.Context.Offset, error.Context.TaskId));
        Assert.Equal("bad value ERR-1", Assert.IsType<InvalidOperationException>(error.InnerException).Message);
        Assert.Equal(0, DroppedRecords(driver, "0_0"));
    }

    [Fact]
    public void Log_and_continue_drops_the_record_counts_it_and_processes_the_next()
    {
        var config = new StreamsConfig { ApplicationId = "test-driver", ProcessingExceptionHandler = ExceptionHandlers.LogAndContinue };
        using var driver = new TopologyTestDriver(Failing(), config);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());

        input.PipeValueList(["a", "ERR-1", "b", "ERR-2", "c"]);

        Assert.Equal(["a", "b", "c"], output.ReadValuesToList());
        Assert.Equal(2, DroppedRecords(driver, "0_0"));
    }

    [Fact]
    public void A_custom_handler_gets_the_failing_node_the_record_coordinates_key_and_value()
    {
        var handler = new RecordingHandler(ExceptionHandlerResponse.Continue);
        var config = new StreamsConfig { ApplicationId = "test-driver", ProcessingExceptionHandler = handler };
        using var driver = new TopologyTestDriver(Failing(), config);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());

        input.PipeInput("k1", "ok", 10);
        input.PipeInput(new TestRecord<string, string>("k2", "ERR-2", 20, new Headers { { "trace", "t-2"u8.ToArray() } }));
        input.PipeInput("k3", "ok", 30);

        var (context, key, value, exception) = Assert.Single(handler.Calls);
        Assert.Equal(("boom", "input", 0, 1L, 20L, new TaskId(0, 0)),
            (context.ProcessorNodeId, context.Topic, context.Partition, context.Offset, context.Timestamp, context.TaskId));
        Assert.Equal("t-2", Encoding.UTF8.GetString(context.Headers!.GetLastBytes("trace")));
        Assert.Equal(("k2", "ERR-2"), (key, value));
        Assert.IsType<InvalidOperationException>(exception);
        Assert.Equal(["k1", "k3"], output.ReadKeyValuesToList().Select(kv => kv.Key));
    }

    [Fact]
    public void A_custom_handler_answering_fail_stops_processing()
    {
        var handler = new RecordingHandler(ExceptionHandlerResponse.Fail);
        var config = new StreamsConfig { ApplicationId = "test-driver", ProcessingExceptionHandler = handler };
        using var driver = new TopologyTestDriver(Failing(), config);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        var error = Assert.Throws<FailedProcessingException>(() => input.PipeInput("k", "ERR"));

        Assert.Equal("boom", error.Context.ProcessorNodeId);
        Assert.Single(handler.Calls);
    }

    [Fact]
    public void A_failure_is_handled_once_by_the_node_that_raised_it_not_again_by_its_parents()
    {
        var handler = new RecordingHandler(ExceptionHandlerResponse.Fail);
        var config = new StreamsConfig { ApplicationId = "test-driver", ProcessingExceptionHandler = handler };
        using var driver = new TopologyTestDriver(Failing(), config);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        Assert.Throws<FailedProcessingException>(() => input.PipeInput("k", "ERR"));

        Assert.Equal(["boom"], handler.Calls.Select(c => c.Context.ProcessorNodeId));
    }

    [Fact]
    public void A_handler_that_throws_fails_processing_once_naming_the_node_and_keeping_the_handler_error()
    {
        var handlerError = new InvalidOperationException("handler bug");
        var handler = new RecordingHandler(ExceptionHandlerResponse.Continue, handlerError);
        var config = new StreamsConfig { ApplicationId = "test-driver", ProcessingExceptionHandler = handler };
        using var driver = new TopologyTestDriver(Failing(), config);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        var error = Assert.Throws<FailedProcessingException>(() => input.PipeInput("k", "ERR"));

        Assert.Equal("boom", error.Context.ProcessorNodeId);
        Assert.Same(handlerError, error.InnerException);
        Assert.Single(handler.Calls);
    }

    private sealed class RecordingHandler(ExceptionHandlerResponse response, Exception? throws = null) : IProcessingExceptionHandler
    {
        public List<(ErrorHandlerContext Context, object? Key, object? Value, Exception Exception)> Calls { get; } = [];

        public ExceptionHandlerResponse Handle(ErrorHandlerContext context, object? key, object? value, Exception exception)
        {
            Calls.Add((context, key, value, exception));
            return throws is null ? response : throw throws;
        }
    }
}
