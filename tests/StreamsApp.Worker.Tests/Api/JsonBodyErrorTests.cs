using System.Text.Json;
using StreamsApp.Worker.Api;
using StreamsApp.Worker.Operations.DeadLetters;

namespace StreamsApp.Worker.Tests.Api;

/// <summary>A body that does not fit is explained by its JSON path and what belongs there, never by a .NET type name.</summary>
public sealed class JsonBodyErrorTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("{\"items\":[{\"quantity\":99999999999999}]}", "$.items[0].quantity: a whole number up to 2147483647")]
    [InlineData("{\"items\":[{\"productId\":\"p\",\"price\":\"cheap\"}]}", "$.items[0].price: a number, e.g. 2.5")]
    [InlineData("{\"items\":[{\"productId\":{}}]}", "$.items[0].productId: a string")]
    [InlineData("{\"items\":[null,7]}", "$.items[1]: an object with productId, quantity, price")]
    [InlineData("{\"Items\":{}}", "$.Items: an array")]
    [InlineData("{\"shippingAddress\":[]}", "$.shippingAddress: an object with recipient, street, city, postalCode, country")]
    [InlineData("true", "$: an object with orderId, customerId, items, currency, shippingAddress, totalAmount, couponCode")]
    [InlineData("{\"customerId\":\"c\",,}", "$: not valid JSON: ',' is an invalid start of a property name. Expected a '\"'. (line 1, byte 19)")]
    public void AnOrdersValueIsNamedByItsPathWithWhatBelongsThere(string body, string reason) =>
        Assert.Equal(reason, Describe<OrderRequest>(body));

    [Fact]
    public void AReplayFiltersOffsetIsAWholeNumberOfItsOwnRange() =>
        Assert.Equal("$.toOffset: a whole number up to 9223372036854775807", Describe<ReplayFilter>("{\"toOffset\":1e30}"));

    private static string Describe<T>(string body)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<T>(body, Json));
        var reason = JsonBodyError.Describe(error, typeof(T), Json);
        Assert.DoesNotContain("StreamsApp.", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", reason, StringComparison.Ordinal);
        return reason;
    }
}
