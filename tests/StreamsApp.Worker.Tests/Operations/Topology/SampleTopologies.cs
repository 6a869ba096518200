using StreamsApp.Streams;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Mission;

namespace StreamsApp.Worker.Tests.Operations.Topology;

/// <summary>Topologies of each shape the picture must draw, by name (for theories).</summary>
internal static class SampleTopologies
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());
    private static readonly Produced<string, string> Written = Produced.With(Serdes.String(), Serdes.String());

    public static readonly IReadOnlyDictionary<string, Func<TopologyDescription>> All = new Dictionary<string, Func<TopologyDescription>>
    {
        ["mission"] = () => MissionTopology.Build(new ContractSerdes(new InMemorySchemaRegistry())).Describe(),
        ["stream-table join"] = StreamTableJoin,
        ["repartitioned stream-stream join"] = RepartitionedJoin,
        ["global table"] = GlobalTable,
        ["chain of sub-topologies"] = Chain,
    };

    public static TheoryData<string> Names => [.. All.Keys];

    /// <summary>Orders filtered, joined with the customers table, written out: one sub-topology, two sources.</summary>
    public static TopologyDescription StreamTableJoin()
    {
        var builder = new StreamsBuilder();
        var customers = builder.Table("customers", Strings);
        builder.Stream("orders", Strings)
            .Filter((_, v) => v.Length > 0)
            .Join(customers, (order, customer) => order + customer, Joined.With(Serdes.String(), Serdes.String(), Serdes.String()))
            .MapValues(v => v.ToUpperInvariant())
            .To("orders.enriched", Written);
        return builder.Build().Describe();
    }

    /// <summary>Two re-keyed streams joined in windows: each side goes through its repartition topic first.</summary>
    public static TopologyDescription RepartitionedJoin()
    {
        var builder = new StreamsBuilder();
        var clicks = builder.Stream("clicks", Strings).SelectKey((_, v) => v);
        builder.Stream("views", Strings)
            .SelectKey((_, v) => v, Named.As("key-by-page"))
            .Join(clicks, (view, click) => view + click, JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMinutes(5)),
                StreamJoined.With(Serdes.String(), Serdes.String(), Serdes.String()))
            .To("views-with-clicks", Written);
        return builder.Build().Describe();
    }

    /// <summary>A stream joined with a global table, whose store is its own (task-less) sub-topology.</summary>
    public static TopologyDescription GlobalTable()
    {
        var builder = new StreamsBuilder();
        var products = builder.GlobalTable("products", Strings);
        builder.Stream("order-lines", Strings)
            .LeftJoin(products, (_, v) => v, (line, product) => line + product, Named.As("lookup-product"))
            .To("priced-lines", Written);
        return builder.Build().Describe();
    }

    /// <summary>
    /// Sub-topologies joined only through topics: two write <c>merged</c>, one reads it and writes <c>checked</c>,
    /// the last reads that. A processor's name has characters text formats must escape.
    /// </summary>
    public static TopologyDescription Chain()
    {
        var builder = new StreamsBuilder();
        builder.Stream("web", Strings).MapValues(v => v, Named.As("tag \"web\" <v2>")).To("merged", Written);
        builder.Stream("shop", Strings).To("merged", Written);
        builder.Stream("merged", Strings).Filter((_, v) => v.Length > 0).To("checked", Written);
        builder.Stream("checked", Strings).Peek((_, _) => { }, Named.As("audit.log")).To("archive", Written);
        return builder.Build().Describe();
    }
}
