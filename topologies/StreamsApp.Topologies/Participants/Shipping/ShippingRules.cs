using StreamsApp.Contracts.Common;

namespace StreamsApp.Topologies.Participants.Shipping;

/// <summary>
/// Which addresses the shipping participant serves: a fixed rule, so tests and demos can drive both outcomes.
/// A shipment fails when the address lacks a street, city or postal code, when its country is not an ISO 3166-1
/// alpha-2 code, or when the country is in <see cref="UnservedCountries"/>.
/// </summary>
public static class ShippingRules
{
    /// <summary>The carrier every scheduled shipment goes with.</summary>
    public const string Carrier = "StreamsApp Post";

    /// <summary>Countries no carrier is contracted for: AQ (Antarctica) and KP (North Korea).</summary>
    public static IReadOnlySet<string> UnservedCountries { get; } = new HashSet<string>(StringComparer.Ordinal) { "AQ", "KP" };

    /// <summary>Why the address cannot be served, or null when it can.</summary>
    /// <param name="address">The delivery address.</param>
    public static string? RefusalReason(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (string.IsNullOrWhiteSpace(address.Street) || string.IsNullOrWhiteSpace(address.City)
            || string.IsNullOrWhiteSpace(address.PostalCode))
        {
            return "incomplete address";
        }

        if (address.Country.Length != 2 || !address.Country.All(char.IsAsciiLetterUpper))
        {
            return $"invalid country code '{address.Country}'";
        }

        return UnservedCountries.Contains(address.Country) ? $"country {address.Country} is not served" : null;
    }
}
