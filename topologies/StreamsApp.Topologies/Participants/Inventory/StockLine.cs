namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>What a product's task is asked to do with one line of an order.</summary>
internal enum StockLineAction
{
    /// <summary>Hold the quantity for the order if that many units are available.</summary>
    Reserve,

    /// <summary>Give back whatever the order holds of the product (nothing if it holds none).</summary>
    Release,
}

/// <summary>
/// One product's part of a reservation or release, keyed by product id on an internal topic, so that every change
/// to a product's stock is made by the one task owning that product, in order.
/// </summary>
/// <param name="OrderId">The order the units are for.</param>
/// <param name="ProductId">The product; the record key.</param>
/// <param name="Quantity">Units to reserve (all the order's lines of the product together); unused on release.</param>
/// <param name="Action">Reserve or release.</param>
internal sealed record StockLine(string OrderId, string ProductId, int Quantity, StockLineAction Action);
