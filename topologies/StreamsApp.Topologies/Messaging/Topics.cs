namespace StreamsApp.Topologies.Messaging;

/// <summary>The mission's topics, named <c>{domain}.{type}</c> (seed 000); schemas/README.md maps each to its schema.</summary>
public static class Topics
{
    /// <summary>Order events (<c>OrderCreated</c>), keyed by order id.</summary>
    public const string OrderEvents = "orders.events";

    /// <summary>Orders that passed validation and deduplication (<c>OrderCreated</c>), keyed by order id.</summary>
    public const string OrdersAccepted = "orders.accepted";

    /// <summary>Orders enriched with customer and product data.</summary>
    public const string OrdersEnriched = "orders.enriched";

    /// <summary>Commands to the inventory participant.</summary>
    public const string InventoryCommands = "inventory.commands";

    /// <summary>Replies of the inventory participant.</summary>
    public const string InventoryReplies = "inventory.replies";

    /// <summary>Stock per product (compacted), the inventory participant's table.</summary>
    public const string InventoryStock = "inventory.stock";

    /// <summary>Commands to the payment participant.</summary>
    public const string PaymentCommands = "payments.commands";

    /// <summary>Replies of the payment participant.</summary>
    public const string PaymentReplies = "payments.replies";

    /// <summary>Commands to the shipping participant.</summary>
    public const string ShippingCommands = "shipping.commands";

    /// <summary>Replies of the shipping participant.</summary>
    public const string ShippingReplies = "shipping.replies";

    /// <summary>Saga outcomes: timed out, completed, failed.</summary>
    public const string SagaEvents = "saga.events";

    /// <summary>Every saga state change (compacted), keyed by saga id.</summary>
    public const string SagaState = "saga.state";

    /// <summary>
    /// Sagas stuck compensating (seed 004's <c>saga.DLT</c>): a compensation not confirmed after every retry. The record
    /// is the saga's state, with the reason in the dead-letter message header, for an operator to follow up.
    /// </summary>
    public const string SagaDeadLetter = "saga.DLT";

    /// <summary>Customer profiles (compacted), keyed by customer id.</summary>
    public const string CustomerProfiles = "customers.profiles";

    /// <summary>The product catalogue (compacted), keyed by product id.</summary>
    public const string ProductCatalog = "products.catalog";

    /// <summary>The dead-letter topic of <paramref name="topic"/> (decision 0010).</summary>
    public static string DeadLetter(string topic) => StreamsApp.Streams.Errors.DeadLetterTopic.For(topic);
}
