using StreamsApp.Streams.Hosting;
using StreamsApp.Topologies.Projections;

namespace StreamsApp.Worker.Api.Queries;

/// <summary><c>GET /stores</c>'s answer, <c>{"items":[...]}</c> as every list the API answers.</summary>
/// <param name="Items">The served stores, in catalogue order.</param>
internal sealed record StoreCatalogue(IReadOnlyList<StoreCatalogueEntry> Items)
{
    /// <summary>Every store the worker serves, each saying whether the running topology has it.</summary>
    public static StoreCatalogue Of(IKafkaStreamsInstance instance) => new([.. QueryableStores.All.Select(s => new StoreCatalogueEntry(
        s.Info.Name,
        s.Info.Kind,
        s.Info.KeyType.Name,
        s.Info.ValueType.Name,
        s.Info.Description,
        // Mission:Parts may leave a projection out of the running topology.
        instance.Description.Subtopologies.Any(t => t.Nodes.Any(n => n.Stores.Contains(s.Info.Name)))))]);
}

/// <summary>One served store.</summary>
/// <param name="Name">The store's name, as <c>/stores/{name}</c> takes it.</param>
/// <param name="Kind">How it is queried: by key and range, or by key and time range.</param>
/// <param name="KeyType">The name of its keys' type.</param>
/// <param name="ValueType">The name of its values' type.</param>
/// <param name="Description">What it holds.</param>
/// <param name="Running">Whether the running topology has it (<c>Mission:Parts</c> may leave it out).</param>
internal sealed record StoreCatalogueEntry(string Name, ProjectionStoreKind Kind, string KeyType, string ValueType, string Description, bool Running);
