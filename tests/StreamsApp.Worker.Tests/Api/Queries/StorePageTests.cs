using StreamsApp.Worker.Api.Queries;

namespace StreamsApp.Worker.Tests.Api.Queries;

/// <summary>A worker's page of a store read task after task: the first entries in the endpoint's order, not in task order.</summary>
public sealed class StorePageTests
{
    // Two tasks, each in key order, read one after the other.
    private static readonly KeyValueEntry[] TaskOrder = [.. new[] { "c", "e", "f", "a", "b", "d" }.Select(k => new KeyValueEntry(k, k.ToUpperInvariant()))];

    [Fact]
    public void APageHoldsTheFirstKeysOfAllTasksInKeyOrder()
    {
        var page = StorePage.Of(TaskOrder, KeyValueEntry.Order, 3);

        Assert.Equal(["a", "b", "c"], page.Items.Select(i => i.GetProperty("key").GetString()));
        Assert.Equal("A", page.Items[0].GetProperty("value").GetString());
        Assert.True(page.Truncated);
    }

    [Fact]
    public void APageWithRoomForEveryEntryIsNotTruncated()
    {
        var exact = StorePage.Of(TaskOrder, KeyValueEntry.Order, TaskOrder.Length);
        var empty = StorePage.Of(Array.Empty<KeyValueEntry>(), KeyValueEntry.Order, 5);

        Assert.Equal(["a", "b", "c", "d", "e", "f"], exact.Items.Select(i => i.GetProperty("key").GetString()));
        Assert.False(exact.Truncated);
        Assert.Empty(empty.Items);
        Assert.False(empty.Truncated);
    }

    [Fact]
    public void WindowEntriesComeByWindowStartThenKey()
    {
        var hour = DateTimeOffset.UnixEpoch.AddHours(1);
        WindowEntry[] entries = [new("b", hour, hour.AddHours(1), 1), new("a", hour.AddHours(1), hour.AddHours(2), 2), new("a", hour, hour.AddHours(1), 3)];

        var page = StorePage.Of(entries, WindowEntry.Order, 2);

        Assert.Equal([3, 1], page.Items.Select(i => i.GetProperty("value").GetInt32()));
        Assert.True(page.Truncated);
    }
}
