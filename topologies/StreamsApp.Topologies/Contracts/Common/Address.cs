namespace StreamsApp.Contracts.Common;

/// <summary>A postal address.</summary>
public sealed class Address : ContractRecord<Address>
{
    private static readonly ContractFields<Address> FieldBindings = new ContractFields<Address>()
        .Field("recipient", address => address.Recipient, (address, value) => address.Recipient = value)
        .Field("street", address => address.Street, (address, value) => address.Street = value)
        .Field("city", address => address.City, (address, value) => address.City = value)
        .Field("postalCode", address => address.PostalCode, (address, value) => address.PostalCode = value)
        .Field("country", address => address.Country, (address, value) => address.Country = value)
        .Complete();

    /// <summary>Person or company the parcel is addressed to.</summary>
    public string Recipient { get; set; } = "";

    /// <summary>Street and house number.</summary>
    public string Street { get; set; } = "";

    /// <summary>City.</summary>
    public string City { get; set; } = "";

    /// <summary>Postal code.</summary>
    public string PostalCode { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2 country code, e.g. DE.</summary>
    public string Country { get; set; } = "";

    /// <inheritdoc/>
    protected override ContractFields<Address> Fields => FieldBindings;
}
