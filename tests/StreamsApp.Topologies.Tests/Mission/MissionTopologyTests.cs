using StreamsApp.Streams.Avro;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Mission;
using StreamsApp.Topologies.Projections;

namespace StreamsApp.Topologies.Tests.Mission;

/// <summary>The worker composes any selection of parts; every selection must make one valid topology.</summary>
public sealed class MissionTopologyTests
{
    public static TheoryData<MissionParts> EverySelection()
    {
        var data = new TheoryData<MissionParts>();
        for (var parts = 1; parts <= (int)MissionParts.All; parts++)
        {
            data.Add((MissionParts)parts);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySelection))]
    public void EverySelectionOfPartsBuildsATopologyThatReadsEachTopicFromOneSource(MissionParts parts)
    {
        var topology = MissionTopology.Build(new ContractSerdes(new InMemorySchemaRegistry()), new MissionOptions { Parts = parts });

        var description = topology.Describe().ToString();

        Assert.Equal(parts.HasFlag(MissionParts.Intake), description.Contains($"topics: [{Topics.OrderEvents}]", StringComparison.Ordinal));
        Assert.Equal(parts.HasFlag(MissionParts.Enrichment), description.Contains($"-> {Topics.OrdersEnriched}", StringComparison.Ordinal)
            || description.Contains($"topic: {Topics.OrdersEnriched}", StringComparison.Ordinal));
        Assert.Equal(parts.HasFlag(MissionParts.Projections), description.Contains($"topics: [{Topics.SagaState}]", StringComparison.Ordinal));
        Assert.Equal(parts.HasFlag(MissionParts.Projections), description.Contains(ProjectionStores.OrderViews, StringComparison.Ordinal));
    }

    [Fact]
    public void NoPartIsABadSelection()
    {
        var serdes = new ContractSerdes(new InMemorySchemaRegistry());

        var error = Assert.Throws<ArgumentException>(() => MissionTopology.Build(serdes, new MissionOptions { Parts = MissionParts.None }));

        Assert.Contains("at least one part", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryExternalTopicIsDefinedOnceWithTheRequestedPartitionsAndTablesAreCompacted()
    {
        var definitions = MissionTopics.Definitions(3);

        Assert.Equal(definitions.Count, definitions.Select(d => d.Name).Distinct().Count());
        Assert.All(definitions, d => Assert.Equal(3, d.Partitions));
        Assert.Equal("compact", Assert.Single(definitions, d => d.Name == Topics.SagaState).Configs["cleanup.policy"]);
        Assert.Empty(Assert.Single(definitions, d => d.Name == Topics.OrderEvents).Configs);
        Assert.Throws<ArgumentOutOfRangeException>(() => MissionTopics.Definitions(0));
    }
}
