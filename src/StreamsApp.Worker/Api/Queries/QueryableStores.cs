using StreamsApp.Contracts.Saga;
using StreamsApp.Topologies.Participants.Inventory;
using StreamsApp.Topologies.Participants.Payments;
using StreamsApp.Topologies.Projections;
using StreamsApp.Topologies.Saga;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>A store the generic endpoints serve, with its reader.</summary>
/// <param name="Info">Name, kind, key and value types, description.</param>
/// <param name="KeyValue">The reader of a key-value store; null for a window store.</param>
/// <param name="Window">The reader of a window store; null for a key-value store.</param>
internal sealed record QueryableStore(ProjectionStore Info, IKeyValueReader? KeyValue, IWindowReader? Window);

/// <summary>
/// The stores the worker serves: the projections' read models (<see cref="ProjectionStores.All"/>), the saga state
/// store, and what the participants have left: each product's units and each customer's spent credit.
/// </summary>
internal static class QueryableStores
{
    /// <summary>The saga state store, typed: the saga endpoints filter on the state.</summary>
    public static KeyValueReader<SagaState> SagaState { get; } = new(SagaStores.State);

    /// <summary>Every served store, in catalogue order.</summary>
    public static IReadOnlyList<QueryableStore> All { get; } =
    [
        .. ProjectionStores.All.Select(Reading),
        new(new ProjectionStore(SagaStores.State, ProjectionStoreKind.KeyValue, typeof(string), typeof(SagaState),
            "The saga orchestrator's state of each order's saga: status, steps done, pending compensations, failure reason; by saga id (= order id)"),
            SagaState, null),
        Reading(new ProjectionStore(InventoryTopology.AvailableStore, ProjectionStoreKind.KeyValue, typeof(string), typeof(int),
            "The inventory participant's units of each product that can still be reserved: its last stock level, less what orders hold; by product id")),
        Reading(new ProjectionStore(PaymentTopology.SpentStore, ProjectionStoreKind.KeyValue, typeof(string), typeof(decimal),
            "The payment participant's captured, unrefunded charges of each customer, summed (its credit used); by customer id")),
    ];

    /// <summary>The store named <paramref name="name"/>; null when the worker does not serve it.</summary>
    public static QueryableStore? Find(string name) => All.FirstOrDefault(s => s.Info.Name == name);

    // Keys are strings throughout (ContractSerdes.Key); the readers are made for each store's value type.
    private static QueryableStore Reading(ProjectionStore store)
    {
        if (store.KeyType != typeof(string))
        {
            throw new InvalidOperationException($"Store '{store.Name}' has {store.KeyType.Name} keys; the query endpoints serve string keys");
        }

        return store.Kind == ProjectionStoreKind.Window
            ? new QueryableStore(store, null, (IWindowReader)Create(typeof(WindowReader<>), store))
            : new QueryableStore(store, (IKeyValueReader)Create(typeof(KeyValueReader<>), store), null);
    }

    private static object Create(Type reader, ProjectionStore store) =>
        Activator.CreateInstance(reader.MakeGenericType(store.ValueType), store.Name)!;
}
