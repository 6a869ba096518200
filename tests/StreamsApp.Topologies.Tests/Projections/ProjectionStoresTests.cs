using StreamsApp.Contracts.Views;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Projections;

namespace StreamsApp.Topologies.Tests.Projections;

/// <summary>The catalogue the worker serves stores from must match the stores the topology materializes.</summary>
public sealed class ProjectionStoresTests
{
    [Fact]
    public void TheCatalogueListsTheStoresServedAsStoredWithTheirKindsAndTypes()
    {
        Assert.Equal(
            [
                (ProjectionStores.OrderViews, ProjectionStoreKind.KeyValue, typeof(OrderView)),
                (ProjectionStores.CustomerOrders, ProjectionStoreKind.KeyValue, typeof(CustomerOrderOutcome)),
                (ProjectionStores.ProductSales, ProjectionStoreKind.Window, typeof(ProductSaleLine)),
                (ProjectionStores.SagaCounts, ProjectionStoreKind.KeyValue, typeof(SagaMark)),
            ],
            ProjectionStores.All.Select(store => (store.Name, store.Kind, store.ValueType)));
        Assert.All(ProjectionStores.All, store => Assert.Equal(typeof(string), store.KeyType));
        Assert.All(ProjectionStores.All, store => Assert.False(string.IsNullOrWhiteSpace(store.Description)));
    }

    [Fact]
    public void EveryCataloguedStoreOpensAsTheKindAndTypesItIsListedWith()
    {
        using var projections = new ProjectionHarness();

        // As a generic store endpoint would: the driver's typed accessor for the kind, with the listed types; a
        // store of another kind or type throws.
        foreach (var store in ProjectionStores.All)
        {
            var accessor = store.Kind == ProjectionStoreKind.Window ? nameof(TopologyTestDriver.GetWindowStore) : nameof(TopologyTestDriver.GetKeyValueStore);
            var open = typeof(TopologyTestDriver).GetMethod(accessor)!.MakeGenericMethod(store.KeyType, store.ValueType);

            Assert.NotNull(open.Invoke(projections.Driver, [store.Name, null]));
        }
    }
}
