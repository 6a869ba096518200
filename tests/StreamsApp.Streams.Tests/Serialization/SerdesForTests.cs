using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Serialization.SerdeAssert;

namespace StreamsApp.Streams.Tests.Serialization;

public class SerdesForTests
{
    [Fact]
    public void ResolvesTheBuiltInSerdes()
    {
        Assert.Same(Serdes.String(), Serdes.For<string>());
        Assert.Same(Serdes.Int32(), Serdes.For<int>());
        Assert.Same(Serdes.Int64(), Serdes.For<long>());
        Assert.Same(Serdes.Double(), Serdes.For<double>());
        Assert.Same(Serdes.ByteArray(), Serdes.For<byte[]>());
        Assert.Same(Serdes.Guid(), Serdes.For<Guid>());
    }

    [Fact]
    public void ResolvesNullableFormsAsCachedNullableSerdes()
    {
        AssertNullable(Serdes.For<int?>(), 42, Hex("00 00 00 2A"));
        AssertNullable(Serdes.For<long?>(), -1L, Hex("FF FF FF FF FF FF FF FF"));
        AssertNullable(Serdes.For<double?>(), 1.0, Hex("3F F0 00 00 00 00 00 00"));
        AssertNullable(Serdes.For<Guid?>(), Guid.Empty, System.Text.Encoding.ASCII.GetBytes(Guid.Empty.ToString("D")));
        Assert.Same(Serdes.For<int?>(), Serdes.For<int?>());
    }

    [Fact]
    public void UnknownTypeNamesItAndSuggestsAnExplicitSerde()
    {
        var ex = Assert.Throws<StreamsException>(() => Serdes.For<OrderCreated>());
        Assert.Contains("OrderCreated", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Serdes.Json<OrderCreated>()", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(short))]
    [InlineData(typeof(object))]
    [InlineData(typeof(decimal?))]
    public void OtherTypesAreNotResolved(Type type)
    {
        var method = typeof(Serdes).GetMethod(nameof(Serdes.For))!.MakeGenericMethod(type);
        var ex = Assert.Throws<System.Reflection.TargetInvocationException>(() => method.Invoke(null, null));
        Assert.IsType<StreamsException>(ex.InnerException);
    }

    private static void AssertNullable<T>(ISerde<T?> serde, T value, byte[] expected)
        where T : struct
    {
        Assert.Equal(expected, Serialize(serde, value));
        Assert.Equal(value, Deserialize(serde, expected));
        Assert.Null(Serialize(serde, null));
        Assert.Null(Deserialize(serde, null));
    }
}
