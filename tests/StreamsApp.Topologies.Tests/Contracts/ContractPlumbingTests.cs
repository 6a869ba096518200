using StreamsApp.Contracts;
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
}
