using System.Text;
using StreamsApp.Streams.Errors;
using StreamsApp.Topologies.Enrichment;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Tests.Support;
using static StreamsApp.Topologies.Tests.Support.SampleReferenceData;

namespace StreamsApp.Topologies.Tests.Enrichment;

public sealed class PoisonReferenceDataTests : IDisposable
{
    private readonly OrderEnrichmentDriver _enrichment = new();

    [Theory]
    [InlineData(Topics.CustomerProfiles)]
    [InlineData(Topics.ProductCatalog)]
    public void AnUnreadableRowGoesToItsDeadLetterTopicAndTheTableKeepsItsRows(string topic)
    {
        _enrichment.Pipe(Customer("c-1", "Ada"));
        _enrichment.Pipe(Product("p-1", "Manual"));

        _enrichment.RawInput(topic).PipeInput(topic == Topics.CustomerProfiles ? "c-1" : "p-1", Encoding.UTF8.GetBytes("garbage"), SampleOrders.PlacedAt);
        _enrichment.Pipe(SampleOrders.Valid("o-1", "e-1", "c-1"));

        var enriched = _enrichment.Enriched.ReadValue();
        Assert.Equal(("Ada", "Manual"), (enriched.CustomerName, enriched.Items[0].ProductName));
        var dead = _enrichment.Output(Topics.DeadLetter(topic)).ReadRecord();
        Assert.Equal(topic, dead.Headers!.Text(DeadLetterHeaders.Topic));
    }

    public void Dispose() => _enrichment.Dispose();
}
