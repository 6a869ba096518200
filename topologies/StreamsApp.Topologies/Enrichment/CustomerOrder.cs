using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Orders;

namespace StreamsApp.Topologies.Enrichment;

/// <summary>An accepted order with its customer's row as the customers table held it (null: no row), before the products are looked up.</summary>
/// <param name="Order">The order.</param>
/// <param name="Customer">The customer, or null.</param>
internal sealed record CustomerOrder(OrderCreated Order, Customer? Customer);
