using StreamsApp.Contracts;
using StreamsApp.Contracts.Common;
using StreamsApp.Contracts.Orders;

namespace StreamsApp.Topologies.Tests.Contracts;

public class ContractPlumbingTests
{
    [Fact]
    public void ATypeFollowsTheHighestVersionOfItsFile() =>
        Assert.Equal("orders/OrderCreated.v2.avsc", ContractSchemas.CurrentFile(typeof(OrderCreated)).Path);

    [Fact]
    public void ATypeWithoutASchemaFileIsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ContractSchemas.CurrentFile(typeof(ContractPlumbingTests)));

        Assert.Contains(nameof(ContractPlumbingTests), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindingAFieldTheSchemaLacksIsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ContractFields<Address>().Field("zip", address => address.PostalCode, (address, value) => address.PostalCode = value));

        Assert.Contains("'zip'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindingAFieldTwiceIsRejected()
    {
        var fields = new ContractFields<Address>().Field("city", address => address.City, (address, value) => address.City = value);

        Assert.Throws<InvalidOperationException>(() =>
            fields.Field("city", address => address.City, (address, value) => address.City = value));
    }

    [Fact]
    public void BindingsThatLeaveAFieldOutAreIncomplete()
    {
        var fields = new ContractFields<Address>()
            .Field("recipient", address => address.Recipient, (address, value) => address.Recipient = value)
            .Field("street", address => address.Street, (address, value) => address.Street = value)
            .Field("city", address => address.City, (address, value) => address.City = value)
            .Field("country", address => address.Country, (address, value) => address.Country = value);

        var error = Assert.Throws<InvalidOperationException>(fields.Complete);

        Assert.EndsWith("postalCode of its schema.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADecimalPropertyNeedsADecimalField()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ContractFields<OrderItem>().Field("quantity", item => (decimal)item.Quantity, (item, value) => item.Quantity = (int)value));

        Assert.Contains("decimal logical type", error.Message, StringComparison.Ordinal);
    }
}
