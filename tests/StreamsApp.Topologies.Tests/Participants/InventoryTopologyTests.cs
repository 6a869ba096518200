using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Orders;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Participants.Inventory;
using static StreamsApp.Topologies.Tests.Participants.ParticipantHarness;

namespace StreamsApp.Topologies.Tests.Participants;

public sealed class InventoryTopologyTests : IDisposable
{
    private readonly InMemorySchemaRegistry _registry = new();
    private readonly DirectoryInfo _stateDir = Directory.CreateTempSubdirectory("inventory-");
    private ParticipantHarness _harness = null!;
    private TestInputTopic<string, InventoryCommand> _commands = null!;
    private TestInputTopic<string, StockLevel> _stock = null!;
    private TestOutputTopic<string, InventoryReply> _replies = null!;

    public InventoryTopologyTests() => Start();

    /// <summary>A driver on the state directory: the first, or one restarted on the stores of the one before.</summary>
    private void Start()
    {
        // Two partitions for commands and stock: orders land on different tasks, products on their own.
        _harness = new ParticipantHarness(
            InventoryTopology.AddTo,
            new TopologyTestDriverOptions { TopicPartitions = { [Topics.InventoryCommands] = 2, [Topics.InventoryStock] = 2 } },
            _stateDir.FullName,
            _registry);
        _commands = _harness.Input<InventoryCommand>(Topics.InventoryCommands);
        _stock = _harness.Input<StockLevel>(Topics.InventoryStock);
        _replies = _harness.Output<InventoryReply>(Topics.InventoryReplies);
    }

    private void Restart()
    {
        _harness.Dispose();
        Start();
    }

    [Fact]
    public void AvailableStockIsReservedAndTheReplyIsAChildSpanOfTheCommand()
    {
        SetStock("p-1", 3);
        var trace = CommandTrace("o-1");

        Reserve("o-1", "m-1", trace, Item("p-1", 2));

        var reply = _replies.ReadRecord();
        Assert.Equal("o-1", reply.Key);
        var reserved = Assert.IsType<StockReserved>(reply.Value.Message);
        Assert.Equal(("o-1", "saga-o-1"), (reserved.OrderId, reserved.SagaId));
        Assert.Equal(("p-1", 2, 9.5m), (reserved.Items.Single().ProductId, reserved.Items.Single().Quantity, reserved.Items.Single().Price));
        AssertAnswers(trace, "m-1", reply.Headers);
        Assert.True(_replies.IsEmpty);
    }

    [Fact]
    public void TwoOrdersOnDifferentTasksRacingForTheLastUnitGetItOnce()
    {
        SetStock("p-1", 1);

        var (first, second) = OrdersOnDifferentPartitions();

        Reserve(first, "m-a", CommandTrace(first), Item("p-1", 1));
        Reserve(second, "m-b", CommandTrace(second), Item("p-1", 1));

        var replies = _replies.ReadKeyValuesToMap();
        Assert.IsType<StockReserved>(replies[first].Message);
        var failed = Assert.IsType<StockFailed>(replies[second].Message);
        Assert.Equal(["p-1"], failed.ProductIds);
        Assert.Contains("insufficient stock", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void StockAndCommandsNeedNotHaveTheSamePartitionCount()
    {
        using var harness = new ParticipantHarness(
            InventoryTopology.AddTo,
            new TopologyTestDriverOptions { TopicPartitions = { [Topics.InventoryCommands] = 2, [Topics.InventoryStock] = 3 } });
        harness.Input<StockLevel>(Topics.InventoryStock).PipeInput("p-1", new StockLevel { ProductId = "p-1", Available = 1 });
        var commands = harness.Input<InventoryCommand>(Topics.InventoryCommands);
        var (first, second) = OrdersOnDifferentPartitions();

        Send(commands, first, new InventoryCommand { Message = Command(new ReserveStock { Items = [Item("p-1", 1)] }, first, "m-a") });
        Send(commands, second, new InventoryCommand { Message = Command(new ReserveStock { Items = [Item("p-1", 1)] }, second, "m-b") });

        var replies = harness.Output<InventoryReply>(Topics.InventoryReplies).ReadKeyValuesToMap();
        Assert.IsType<StockReserved>(replies[first].Message);
        Assert.IsType<StockFailed>(replies[second].Message);
    }

    [Fact]
    public void AProductWhoseStockLevelWasDeletedIsUnknown()
    {
        SetStock("p-1", 5);
        _stock.PipeInput("p-1", null!);

        Reserve("o-1", "m-1", CommandTrace("o-1"), Item("p-1", 1));

        Assert.Equal("p-1: unknown product", Assert.IsType<StockFailed>(_replies.ReadValue().Message).Reason);
    }

    [Fact]
    public void AnUnknownProductFailsTheOrder()
    {
        Reserve("o-1", "m-1", CommandTrace("o-1"), Item("p-404", 1));

        var failed = Assert.IsType<StockFailed>(_replies.ReadValue().Message);
        Assert.Equal(["p-404"], failed.ProductIds);
        Assert.Equal("p-404: unknown product", failed.Reason);
    }

    [Fact]
    public void AMultiItemOrderIsAllOrNothing()
    {
        SetStock("p-1", 5);
        SetStock("p-2", 1);
        var trace = CommandTrace("o-1");

        Reserve("o-1", "m-1", trace, Item("p-1", 5), Item("p-2", 2));

        var reply = _replies.ReadRecord();
        Assert.Equal(["p-2"], Assert.IsType<StockFailed>(reply.Value.Message).ProductIds);
        AssertAnswers(trace, "m-1", reply.Headers);

        // The five units of p-1 held for the failed order were given back.
        Reserve("o-2", "m-2", CommandTrace("o-2"), Item("p-1", 5), Item("p-2", 1));
        Assert.IsType<StockReserved>(_replies.ReadValue().Message);
    }

    [Fact]
    public void LinesOfOneProductAreReservedTogether()
    {
        SetStock("p-1", 3);

        Reserve("o-1", "m-1", CommandTrace("o-1"), Item("p-1", 2), Item("p-1", 2));

        Assert.Equal(["p-1"], Assert.IsType<StockFailed>(_replies.ReadValue().Message).ProductIds);
    }

    [Fact]
    public void ReleaseRestoresTheStockAndReleasingTwiceIsReleasingOnce()
    {
        SetStock("p-1", 2);
        Reserve("o-1", "m-1", CommandTrace("o-1"), Item("p-1", 2));
        Assert.IsType<StockReserved>(_replies.ReadValue().Message);

        Release("o-1", "m-r1", Item("p-1", 2));
        Release("o-1", "m-r2", Item("p-1", 2));
        // Each release is confirmed, the second too, though it gives back nothing more.
        Assert.Equal(2, _replies.ReadValuesToList().Count(r => r.Message is StockReleased));

        Reserve("o-2", "m-2", CommandTrace("o-2"), Item("p-1", 2));
        Assert.IsType<StockReserved>(_replies.ReadValue().Message);
        Reserve("o-3", "m-3", CommandTrace("o-3"), Item("p-1", 1));
        Assert.IsType<StockFailed>(_replies.ReadValue().Message);
    }

    [Fact]
    public void ARedeliveredReserveIsAnsweredAgainWithoutReservingTwice()
    {
        SetStock("p-1", 2);

        Reserve("o-1", "m-1", CommandTrace("o-1"), Item("p-1", 1));
        Reserve("o-1", "m-1", CommandTrace("o-1"), Item("p-1", 1));

        var replies = _replies.ReadValuesToList().Select(r => Assert.IsType<StockReserved>(r.Message)).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Equal(replies[0].MessageId, replies[1].MessageId);
        Reserve("o-2", "m-2", CommandTrace("o-2"), Item("p-1", 1));
        Assert.IsType<StockReserved>(_replies.ReadValue().Message);
    }

    [Fact]
    public void AReleasedOrderIsNotReservedAgain()
    {
        SetStock("p-1", 2);
        Release("o-1", "m-r", Item("p-1", 1));
        Assert.IsType<StockReleased>(_replies.ReadValue().Message);
        var trace = CommandTrace("o-1");

        Reserve("o-1", "m-1", trace, Item("p-1", 1));

        var reply = _replies.ReadRecord();
        Assert.Equal("stock already released", Assert.IsType<StockFailed>(reply.Value.Message).Reason);
        AssertAnswers(trace, "m-1", reply.Headers);
    }

    [Fact]
    public void ANonPositiveQuantityFailsAtOnce()
    {
        SetStock("p-1", 2);

        Reserve("o-1", "m-1", CommandTrace("o-1"), Item("p-1", 0));

        Assert.Equal("no valid order lines", Assert.IsType<StockFailed>(_replies.ReadValue().Message).Reason);
    }

    [Fact]
    public void ANewStockLevelSetsTheUnitsThatCanBeReserved()
    {
        SetStock("p-1", 0);
        SetStock("p-1", 4);

        Reserve("o-1", "m-1", CommandTrace("o-1"), Item("p-1", 4));

        Assert.IsType<StockReserved>(_replies.ReadValue().Message);
    }

    [Fact]
    public void AStockLevelReadAgainAfterACrashKeepsTheHoldsMadeSinceIt()
    {
        SetStock("p-1", 5);
        Reserve("o-1", "m-1", CommandTrace("o-1"), Item("p-1", 3));
        Assert.IsType<StockReserved>(_replies.ReadValue().Message);

        // A crash before the offsets were committed: the level and the order come again, over the stores kept.
        Restart();
        SetStock("p-1", 5);
        Reserve("o-1", "m-1", CommandTrace("o-1"), Item("p-1", 3));
        Reserve("o-2", "m-2", CommandTrace("o-2"), Item("p-1", 3));

        var replies = _replies.ReadKeyValuesToMap();
        Assert.IsType<StockReserved>(replies["o-1"].Message);
        Assert.Contains("(2 available, 3 requested)", Assert.IsType<StockFailed>(replies["o-2"].Message).Reason, StringComparison.Ordinal);
        Assert.Equal(2, Available("p-1"));
    }

    [Fact]
    public void ARecountCountsOnlyWhatIsHeldAndGivenBackSinceAndARestartedTaskSumsTheSame()
    {
        SetStock("p-1", 10);
        Reserve("o-1", "m-1", CommandTrace("o-1"), Item("p-1", 3));
        Reserve("o-2", "m-2", CommandTrace("o-2"), Item("p-1", 2));
        Release("o-2", "m-r2", Item("p-1", 2));
        // The recount sees o-1's units gone: 4 can be reserved from now on.
        SetStock("p-1", 4);
        Reserve("o-3", "m-3", CommandTrace("o-3"), Item("p-1", 1));
        Release("o-1", "m-r1", Item("p-1", 3));
        var running = Available("p-1");

        Restart();

        Assert.Equal((6, 6), (running, Available("p-1")));
        Reserve("o-4", "m-4", CommandTrace("o-4"), Item("p-1", 7));
        Assert.Contains("(6 available, 7 requested)", Assert.IsType<StockFailed>(_replies.ReadValuesToList()[^1].Message).Reason, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _stateDir.Delete(recursive: true);
    }

    private int Available(string productId) => _harness.Driver.GetKeyValueStore<string, int>(InventoryTopology.AvailableStore).Get(productId);

    private static OrderItem Item(string productId, int quantity) => new() { ProductId = productId, Quantity = quantity, Price = 9.5m };

    private void SetStock(string productId, int available) =>
        _stock.PipeInput(productId, new StockLevel { ProductId = productId, Available = available, UpdatedAt = DateTimeOffset.UnixEpoch });

    private void Reserve(string orderId, string messageId, TraceHeaders trace, params OrderItem[] items) =>
        Send(_commands, orderId, new InventoryCommand { Message = Command(new ReserveStock { Items = items }, orderId, messageId) }, trace);

    private void Release(string orderId, string messageId, params OrderItem[] items) =>
        Send(_commands, orderId, new InventoryCommand { Message = Command(new ReleaseStock { Items = items, Reason = "payment failed" }, orderId, messageId) });
}
