using StreamsApp.Contracts.Common;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Products;
using StreamsApp.Topologies.Orders;

namespace StreamsApp.Worker.Api;

/// <summary>The body of <c>POST /orders</c>. Every field is nullable so that a missing one is reported by name, not defaulted.</summary>
/// <param name="OrderId">The order id; generated when absent.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Items">The order lines.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="ShippingAddress">Where to ship.</param>
/// <param name="TotalAmount">The total; computed from the items when absent, checked against them when given.</param>
/// <param name="CouponCode">An optional coupon.</param>
public sealed record OrderRequest(
    string? OrderId,
    string? CustomerId,
    IReadOnlyList<OrderLineRequest?>? Items,
    string? Currency,
    AddressRequest? ShippingAddress,
    decimal? TotalAmount = null,
    string? CouponCode = null)
{
    /// <summary>The first field that is missing, or null when the request has every field it needs.</summary>
    public string? FindMissingField()
    {
        if (string.IsNullOrWhiteSpace(CustomerId))
        {
            return "customerId";
        }

        if (Items is null)
        {
            return "items";
        }

        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var missing = item is null ? "" : item.ProductId is null ? "productId" : item.Quantity is null ? "quantity" : null;
            if (missing is not null)
            {
                return missing.Length == 0 ? $"items[{i}]" : $"items[{i}].{missing}";
            }
        }

        if (string.IsNullOrWhiteSpace(Currency))
        {
            return "currency";
        }

        return ShippingAddress is null ? "shippingAddress" : null;
    }

    /// <summary>
    /// The first price or total that cannot be an amount of the contracts (<see cref="OrderRules.IsAmount"/>), or null:
    /// checked before <see cref="ToEvent"/>, whose sum would overflow on such values.
    /// </summary>
    public string? FindInvalidAmount()
    {
        for (var i = 0; i < Items!.Count; i++)
        {
            if (Items[i]!.Price is { } price && !OrderRules.IsAmount(price))
            {
                return $"items[{i}].price";
            }
        }

        return TotalAmount is { } total && !OrderRules.IsAmount(total) ? "totalAmount" : null;
    }

    /// <summary>
    /// The request with each line's missing price taken from the catalogue; the error names the first line whose
    /// price is missing and cannot be found there.
    /// </summary>
    /// <param name="find">Finds a product's catalogue row; null when the catalogue cannot be read here now.</param>
    public (OrderRequest? Priced, string? Error) WithCataloguePrices(Func<string, Product?>? find)
    {
        var items = new List<OrderLineRequest?>(Items!.Count);
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i]!;
            if (item.Price is null)
            {
                if (find is null)
                {
                    return (null, $"items[{i}] has no price, and the product catalogue cannot be read now to price it: give the price or retry");
                }

                if (find(item.ProductId!) is not { } product)
                {
                    return (null, $"items[{i}] has no price, and {item.ProductId} is not in the product catalogue");
                }

                item = item with { Price = product.Price };
            }

            items.Add(item);
        }

        return (this with { Items = items }, null);
    }

    /// <summary>
    /// The order event; call only when <see cref="FindMissingField"/> and <see cref="FindInvalidAmount"/> found nothing
    /// and every line has a price (<see cref="WithCataloguePrices"/>).
    /// </summary>
    /// <param name="orderId">The order id to use.</param>
    /// <param name="now">The order's time.</param>
    public OrderCreated ToEvent(string orderId, DateTimeOffset now)
    {
        var items = Items!.Select(i => new OrderItem { ProductId = i!.ProductId!, Quantity = i.Quantity!.Value, Price = i.Price!.Value }).ToList();
        var address = ShippingAddress!;
        return new OrderCreated
        {
            EventId = Guid.NewGuid().ToString(),
            OrderId = orderId,
            CustomerId = CustomerId!,
            Timestamp = now,
            Items = items,
            TotalAmount = TotalAmount ?? items.Sum(i => i.Quantity * i.Price),
            Currency = Currency!,
            ShippingAddress = new Address
            {
                Recipient = address.Recipient ?? "",
                Street = address.Street ?? "",
                City = address.City ?? "",
                PostalCode = address.PostalCode ?? "",
                Country = address.Country ?? "",
            },
            CouponCode = CouponCode,
        };
    }
}

/// <summary>One line of an <see cref="OrderRequest"/>.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="Price">Unit price; taken from the product catalogue when absent, and checked against it when given.</param>
public sealed record OrderLineRequest(string? ProductId, int? Quantity, decimal? Price);

/// <summary>The shipping address of an <see cref="OrderRequest"/> (the shipping participant judges its content).</summary>
/// <param name="Recipient">Who receives the parcel.</param>
/// <param name="Street">Street and number.</param>
/// <param name="City">City.</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="Country">ISO 3166 alpha-2 country code.</param>
public sealed record AddressRequest(string? Recipient, string? Street, string? City, string? PostalCode, string? Country);
