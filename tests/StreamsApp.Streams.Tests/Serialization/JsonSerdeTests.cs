using System.Text;
using System.Text.Json;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Serialization.SerdeAssert;

namespace StreamsApp.Streams.Tests.Serialization;

public sealed record OrderCreated(string OrderId, decimal Amount, IReadOnlyList<string> Items);

public readonly record struct Point(int X, int Y);

public class JsonSerdeTests
{
    private static readonly OrderCreated Order = new("o-1", 12.50m, ["apple", "pear"]);

    [Fact]
    public void RecordRoundTrips()
    {
        var read = RoundTrip(Serdes.Json<OrderCreated>(), Order);
        Assert.Equal(Order.OrderId, read.OrderId);
        Assert.Equal(Order.Amount, read.Amount);
        Assert.Equal(Order.Items, read.Items);
    }

    [Fact]
    public void WritesSystemTextJsonUtf8() =>
        Assert.Equal(
            """{"OrderId":"o-1","Amount":12.50,"Items":["apple","pear"]}""",
            Encoding.UTF8.GetString(Serialize(Serdes.Json<OrderCreated>(), Order)));

    [Fact]
    public void UsesCustomOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var serde = Serdes.Json<OrderCreated>(options);
        Assert.Equal(
            """{"orderId":"o-1","amount":12.50,"items":["apple","pear"]}""",
            Encoding.UTF8.GetString(Serialize(serde, Order)));
        Assert.Equal("o-2", Deserialize(serde, Encoding.UTF8.GetBytes("""{"ORDERID":"o-2","amount":1,"items":[]}""")).OrderId);
    }

    [Fact]
    public void DefaultSerdeIsCachedPerType()
    {
        Assert.Same(Serdes.Json<OrderCreated>(), Serdes.Json<OrderCreated>());
        Assert.NotSame(Serdes.Json<OrderCreated>(), Serdes.Json<OrderCreated>(new JsonSerializerOptions()));
    }

    [Fact]
    public void NullReferenceMapsToNullBytesAndBack()
    {
        Assert.Null(Serdes.Json<OrderCreated>().Serializer.Serialize(null!, ValueContext));
        Assert.Null(Deserialize(Serdes.Json<OrderCreated>(), null));
    }

    [Fact]
    public void MalformedJsonIsSerdeExceptionWrappingJsonException()
    {
        var ex = DeserializeFails(Serdes.Json<OrderCreated>(), Encoding.UTF8.GetBytes("""{"OrderId":"""), "OrderCreated");
        var inner = Assert.IsType<JsonException>(ex.InnerException);
        Assert.Equal($"Cannot deserialize value of topic 'orders' as OrderCreated: {inner.Message}", ex.Message);
    }

    [Fact]
    public void EmptyBytesAreMalformedJson() =>
        Assert.IsType<JsonException>(DeserializeFails(Serdes.Json<OrderCreated>(), [], "OrderCreated").InnerException);

    [Fact]
    public void WrongShapeIsSerdeException() =>
        DeserializeFails(Serdes.Json<Point>(), Encoding.UTF8.GetBytes("""{"X":"not a number"}"""), "Point");

    [Fact]
    public void ValueTypeRoundTripsAndRejectsNullBytes()
    {
        Assert.Equal(new Point(3, -4), RoundTrip(Serdes.Json<Point>(), new Point(3, -4)));
        var ex = DeserializeFails(Serdes.Json<Point>(), null, "Point");
        Assert.Contains("Serdes.Nullable(Serdes.Json<Point>())", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonNullLiteralForValueTypeIsSerdeException()
    {
        var ex = DeserializeFails(Serdes.Json<Point>(), Encoding.UTF8.GetBytes("null"), "Point");
        Assert.IsType<JsonException>(ex.InnerException);
        DeserializeFails(Serdes.Json<int>(), Encoding.UTF8.GetBytes("null"), "Int32");
    }

    [Fact]
    public void NullableValueTypeMapsNullToNullBytes()
    {
        var serde = Serdes.Json<Point?>();
        Assert.Null(Serialize(serde, null));
        Assert.Null(Deserialize(serde, null));
        Assert.Equal(new Point(1, 2), RoundTrip(serde, new Point(1, 2)));
    }

    [Fact]
    public void NullableWrapperAroundJsonValueType()
    {
        var serde = Serdes.Nullable(Serdes.Json<Point>());
        Assert.Null(RoundTrip(serde, null));
        Assert.Equal(new Point(5, 6), RoundTrip(serde, new Point(5, 6)));
    }

    [Fact]
    public void GenericTypeNamesAreReadable() =>
        DeserializeFails(Serdes.Json<List<OrderCreated>>(), Encoding.UTF8.GetBytes("{"), "List<OrderCreated>");

    [Fact]
    public void CycleIsSerdeExceptionWhenWriting()
    {
        var node = new Node();
        node.Next = node;
        var ex = Assert.Throws<StreamsApp.Streams.Errors.SerdeException>(
            () => Serdes.Json<Node>().Serializer.Serialize(node, ValueContext));
        Assert.StartsWith("Cannot serialize value for topic 'orders' as Node: ", ex.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(ex.InnerException);
    }

    public sealed class Node
    {
        public Node? Next { get; set; }
    }
}
