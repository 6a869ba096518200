using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StreamsApp.Contracts.Orders;

namespace StreamsApp.Topologies.Orders;

/// <summary>
/// What an order asks for, as one hash: customer, lines, currency, total, address and coupon, without the event id or
/// the time, which differ between two sends of the same order. Two orders with the same fingerprint are the same
/// order; amounts compare by value (10.0 and 10.00 are equal).
/// </summary>
public static class OrderFingerprint
{
    /// <summary>The fingerprint of <paramref name="order"/>: 64 hex digits of SHA-256 over its content.</summary>
    /// <param name="order">The order.</param>
    public static string Of(OrderCreated order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var text = new StringBuilder()
            .Append(order.CustomerId).Append('\n')
            .Append(order.Currency).Append('\n')
            .Append(Amount(order.TotalAmount)).Append('\n')
            .Append(order.CouponCode).Append('\n');
        var address = order.ShippingAddress;
        foreach (var part in new[] { address.Recipient, address.Street, address.City, address.PostalCode, address.Country })
        {
            text.Append(part).Append('\n');
        }

        foreach (var item in order.Items)
        {
            text.Append(item.ProductId).Append('\t').Append(item.Quantity.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(Amount(item.Price)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // Contract amounts have at most 4 decimals (OrderRules.IsAmount).
    private static string Amount(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
