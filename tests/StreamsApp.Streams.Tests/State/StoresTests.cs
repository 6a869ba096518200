using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.InMemory;
using StreamsApp.Streams.State.Internal.RocksDb;

namespace StreamsApp.Streams.Tests.State;

public sealed class StoresTests
{
    [Fact]
    public void InMemoryKeyValueStore_supplies_new_in_memory_stores()
    {
        var supplier = Stores.InMemoryKeyValueStore("counts");

        Assert.Equal("counts", supplier.Name);
        Assert.Equal("in-memory", supplier.MetricsScope);
        var store = Assert.IsType<InMemoryKeyValueStore>(supplier.Get());
        Assert.Equal("counts", store.Name);
        Assert.NotSame(store, supplier.Get());
    }

    [Fact]
    public void PersistentKeyValueStore_supplies_new_rocksdb_stores()
    {
        var supplier = Stores.PersistentKeyValueStore("my_store.v-2");

        Assert.Equal("my_store.v-2", supplier.Name);
        Assert.Equal("rocksdb", supplier.MetricsScope);
        var store = Assert.IsType<RocksDbKeyValueStore>(supplier.Get());
        Assert.Equal("my_store.v-2", store.Name);
        Assert.NotSame(store, supplier.Get());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("caf\u00e9")]
    public void Invalid_names_are_rejected_naming_the_parameter(string name)
    {
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => Stores.InMemoryKeyValueStore(name)).ParamName);
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => Stores.PersistentKeyValueStore(name)).ParamName);
    }

    [Fact]
    public void A_null_name_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Stores.InMemoryKeyValueStore(null!));
    }
}
