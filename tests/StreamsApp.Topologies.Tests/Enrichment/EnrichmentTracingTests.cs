using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Tests.Support;

namespace StreamsApp.Topologies.Tests.Enrichment;

public sealed class EnrichmentTracingTests : IDisposable
{
    private readonly OrderEnrichmentDriver _enrichment = new();

    [Fact]
    public void AnEnrichedOrderIsAChildSpanOfTheAcceptedOrderThroughTheRepartitionTopic()
    {
        var accepted = TraceHeaders.Start("o-1").Child("e-1");

        _enrichment.Pipe(SampleOrders.Valid("o-1", "e-1"), accepted.ToHeaders());

        var span = TraceHeaders.Read(_enrichment.Enriched.ReadRecord().Headers);
        Assert.NotNull(span);
        Assert.Equal((accepted.TraceId, accepted.SpanId, "o-1", "e-1"), (span.TraceId, span.ParentSpanId, span.CorrelationId, span.CausationId));
        Assert.NotEqual(accepted.SpanId, span.SpanId);
    }

    public void Dispose() => _enrichment.Dispose();
}
