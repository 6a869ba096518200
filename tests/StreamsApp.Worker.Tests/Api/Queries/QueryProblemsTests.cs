using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StreamsApp.Streams;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Hosting;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;
using StreamsApp.Worker.Api.Queries;
using StreamsApp.Worker.Hosting;
using static StreamsApp.Streams.TopologyDescription;

namespace StreamsApp.Worker.Tests.Api.Queries;

/// <summary>Store exceptions and a runtime that is not running become the documented statuses.</summary>
public sealed class QueryProblemsTests
{
    private const string Store = "projections-order-views";

    public static TheoryData<InvalidStateStoreException, int, string> Exceptions => new()
    {
        { new StreamsNotStartedException("not started"), 503, "Streams not running" },
        { new StateStoreNotAvailableException("closed"), 503, "Streams not running" },
        { new StateStoreMigratedException("rebalancing"), 503, "Store not queryable now" },
        { new InvalidStateStorePartitionException("partition 9"), 503, "Store not queryable now" },
        { new InvalidStateStoreException("wrong type"), 503, "Store not queryable now" },
        { new UnknownStateStoreException("no such store"), 404, "Not found" },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public async Task EachStoreExceptionHasItsStatusAndA503SaysWhenToRetry(InvalidStateStoreException exception, int status, string title)
    {
        var (context, problem) = await ExecuteAsync(QueryProblems.For(exception, Store));

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(status == 503 ? "2" : "", context.Response.Headers.RetryAfter.ToString());
    }

    [Theory]
    [InlineData(KafkaStreamsState.Created)]
    [InlineData(KafkaStreamsState.PendingShutdown)]
    [InlineData(KafkaStreamsState.Error)]
    public async Task ARequestWhileStreamsAreNotRunningIs503(KafkaStreamsState state)
    {
        var router = new StoreQueryRouter(new StoppedInstance(state), null!, null!);
        var answered = false;

        var (context, problem) = await ExecuteAsync(await router.ByKeyAsync(NewContext(), Store, "k", (_, _) => { answered = true; return Results.Ok(); }));

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("Streams not running", problem.GetProperty("title").GetString());
        Assert.Contains(state.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(answered);
    }

    [Fact]
    public async Task AStoreTheRunningTopologyLacksIs404()
    {
        var router = new StoreQueryRouter(new StoppedInstance(KafkaStreamsState.Running), null!, null!);

        var (context, problem) = await ExecuteAsync(await router.FromAllAsync(NewContext(), "saga-state-store", _ => new object(), parts => parts[0]));

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Contains("not part of the running topology", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static DefaultHttpContext NewContext() => new()
    {
        RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };

    private static async Task<(HttpContext Context, JsonElement Problem)> ExecuteAsync(IResult result)
    {
        var context = NewContext();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context, (await JsonDocument.ParseAsync(context.Response.Body)).RootElement.Clone());
    }

    /// <summary>An instance whose runtime is absent or not running, with a topology holding only the order views.</summary>
    private sealed class StoppedInstance(KafkaStreamsState state) : IKafkaStreamsInstance
    {
        public KafkaStreams? Streams => null;

        public KafkaStreamsState State => state;

        public DateTimeOffset? ClusterUnreachableSince => null;

        public ProcessingGuarantee ProcessingGuarantee => ProcessingGuarantee.AtLeastOnce;

        public StreamsMetrics? Metrics => null;

        public Topology Topology => throw new NotSupportedException();

        public TopologyDescription Description { get; } =
            new([new SubtopologyDescription(0, [new NodeDescription(NodeKind.Processor, "views", [], [QueryProblemsTests.Store], [], [])])]);

        public string? ApplicationServer => "127.0.0.1:1";

        public TStore Store<TStore>(StoreQueryParameters<TStore> parameters)
            where TStore : class => throw new NotSupportedException();

        public Task WaitForStateAsync(KafkaStreamsState state, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
