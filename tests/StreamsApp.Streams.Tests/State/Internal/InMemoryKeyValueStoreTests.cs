using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.InMemory;

namespace StreamsApp.Streams.Tests.State.Internal;

public sealed class InMemoryKeyValueStoreTests : KeyValueStoreContractTests
{
    protected override IKeyValueStore<byte[], byte[]> CreateStore(string name) => new InMemoryKeyValueStore(name);

    [Fact]
    public void Is_not_persistent_and_close_drops_the_data()
    {
        Assert.False(Store.Persistent);
        PutStrings("a");
        Store.Close();

        Store.Init(Context, Store);
        Assert.Null(Store.Get(S("a")));
    }

    [Fact]
    public void ApproximateNumEntries_is_exact_across_overwrites()
    {
        PutStrings("a", "b", "a", "b");
        Store.Put(S("a"), null!);
        Assert.Equal(1, Store.ApproximateNumEntries);
    }

    [Fact]
    public void A_pass_keeps_its_entries_after_the_store_closes()
    {
        PutStrings("a", "b");
        using var pass = Store.All().GetEnumerator();
        Store.Close();

        Assert.Equal([Hex(S("a")), Hex(S("b"))], pass.Rest().Select(e => Hex(e.Key)));
    }
}
