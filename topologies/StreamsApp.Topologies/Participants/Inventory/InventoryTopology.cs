using StreamsApp.Contracts.Inventory;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>
/// The inventory participant: answers <see cref="ReserveStock"/> on <c>inventory.commands</c> with
/// <see cref="StockReserved"/> or <see cref="StockFailed"/> on <c>inventory.replies</c>, and applies
/// <see cref="ReleaseStock"/>, confirmed with <see cref="StockReleased"/> (releasing twice is releasing once). Stock comes from
/// <c>inventory.stock</c>: a <see cref="StockLevel"/> sets the units of a product that can still be reserved.
/// </summary>
/// <remarks>
/// <para>
/// Commands are keyed by order, stock by product, and an order may name products that live on different
/// partitions. So a reservation is a small protocol over internal topics (Participants/README.md):
/// the order's task splits it into one line per product, repartitioned by product id so that it lands on the task
/// that owns that product's stock (co-partitioned with <c>inventory.stock</c>); that task holds the units only if
/// they are available, one line at a time, so no product is ever oversold. The outcomes return, repartitioned by
/// order id, to the order's task, which decides all or nothing and gives back the held lines of a failed order.
/// </para>
/// <para>
/// Failure rules: a product without a stock level is short ("unknown product"), as is one with fewer units
/// available than the order's lines of it ask for ("insufficient stock"); an order without lines or with a
/// non-positive quantity fails at once. <see cref="StockFailed.ProductIds"/> lists the short products.
/// </para>
/// </remarks>
public static class InventoryTopology
{
    /// <summary>Reservations by order id (on the order's task).</summary>
    public const string ReservationStore = "inventory-reservations";

    /// <summary>
    /// Units that can still be reserved, by product id (on the product's task): summed from <see cref="LevelStore"/>
    /// and <see cref="HoldStore"/> when the task starts, in memory and not change-logged.
    /// </summary>
    public const string AvailableStore = "inventory-available";

    /// <summary>Each product's last stock level and the offset that set it (on the product's task).</summary>
    public const string LevelStore = "inventory-levels";

    /// <summary>Units held per order and product, and whether given back (on the product's task).</summary>
    public const string HoldStore = "inventory-stock-holds";

    /// <summary>Adds the participant to <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder of the application's topology.</param>
    /// <param name="serdes">The contract serdes.</param>
    public static void AddTo(StreamsBuilder builder, ContractSerdes serdes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        builder.AddStateStore(Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore(ReservationStore), ContractSerdes.Key, Serdes.Json<Reservation>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore(LevelStore), ContractSerdes.Key, Serdes.Json<StockLevelMark>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore(HoldStore), ContractSerdes.Key, Serdes.Json<StockHold>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore(AvailableStore), ContractSerdes.Key, Serdes.Int32()).WithLoggingDisabled());
        var replies = Produced.With(ContractSerdes.Key, serdes.Value<InventoryReply>());

        builder.Stream(Topics.InventoryStock, Consumed.With(ContractSerdes.Key, serdes.Value<StockLevel>()))
            .Process(() => new StockLevelWriter(), Named.As("inventory-stock-levels"), LevelStore, HoldStore, AvailableStore);

        var decisions = builder.Stream(Topics.InventoryCommands, Consumed.With(ContractSerdes.Key, serdes.Event<InventoryCommand>()))
            .Process(() => new ReservationCoordinator(), Named.As("inventory-reservation-coordinator"), ReservationStore);
        Replies(decisions).To(Topics.InventoryReplies, replies);

        var outcomes = ByProduct(decisions, "inventory-lines")
            .Process(() => new StockKeeper(), Named.As("inventory-stock-keeper"), LevelStore, HoldStore, AvailableStore)
            .Repartition(Repartitioned.With(ContractSerdes.Key, ContractSerdes.Required(Serdes.Json<StockLineOutcome>())).WithName("inventory-line-outcomes"));

        var outcomeDecisions = outcomes
            .Process(() => new ReservationCollector(), Named.As("inventory-reservation-collector"), ReservationStore);
        Replies(outcomeDecisions).To(Topics.InventoryReplies, replies);

        // A failed order's held lines go back to the product tasks on a topic of their own: the DSL cannot feed them
        // into "inventory-lines", which is upstream of the collector. Release lines produce no outcome.
        ByProduct(outcomeDecisions, "inventory-rollbacks")
            .Process(() => new StockKeeper(), Named.As("inventory-rollback-keeper"), LevelStore, HoldStore, AvailableStore);
    }

    private static IKStream<string, InventoryReply> Replies(IKStream<string, ReservationEffect> effects) =>
        effects.FlatMapValues(effect => effect.Reply is { } reply ? [reply] : Array.Empty<InventoryReply>());

    private static IKStream<string, StockLine> ByProduct(IKStream<string, ReservationEffect> effects, string topicName) =>
        effects.FlatMapValues(effect => effect.Line is { } line ? [line] : Array.Empty<StockLine>())
            .Repartition(Repartitioned.With(ContractSerdes.Key, ContractSerdes.Required(Serdes.Json<StockLine>())).WithName(topicName));
}
