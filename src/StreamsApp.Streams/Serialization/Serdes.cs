using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization.Internal;

namespace StreamsApp.Streams.Serialization;

/// <summary>
/// The built-in serdes, byte-compatible with Java Kafka's <c>Serdes</c>: UTF-8 strings, big-endian integers and
/// doubles, raw bytes, UUID strings, plus System.Text.Json. Reference types map null to null bytes (a tombstone) and
/// back; non-nullable value types reject null bytes, so wrap them in <see cref="Nullable{T}(ISerde{T})"/> to allow it.
/// Malformed bytes raise a <see cref="SerdeException"/> naming the topic, key or value, and the type.
/// </summary>
[SuppressMessage("Naming", "CA1720", Justification = "Factory names are the type they serialize, as in Kafka's Serdes.")]
public static class Serdes
{
    private static readonly ISerde<int?> NullableInt32 = new NullableSerde<int>(Int32Serde.Instance);
    private static readonly ISerde<long?> NullableInt64 = new NullableSerde<long>(Int64Serde.Instance);
    private static readonly ISerde<double?> NullableDouble = new NullableSerde<double>(DoubleSerde.Instance);
    private static readonly ISerde<Guid?> NullableGuid = new NullableSerde<Guid>(GuidSerde.Instance);

    /// <summary>Strings as UTF-8 (Java's StringSerde). Invalid UTF-8 is a <see cref="SerdeException"/>.</summary>
    public static ISerde<string> String() => StringSerde.Instance;

    /// <summary>32-bit integers as 4 big-endian bytes (Java's IntegerSerde); 1 is <c>00 00 00 01</c>.</summary>
    public static ISerde<int> Int32() => Int32Serde.Instance;

    /// <summary>64-bit integers as 8 big-endian bytes (Java's LongSerde).</summary>
    public static ISerde<long> Int64() => Int64Serde.Instance;

    /// <summary>Doubles as 8 big-endian IEEE-754 bytes (Java's DoubleSerde); NaN is written as Java's canonical NaN.</summary>
    public static ISerde<double> Double() => DoubleSerde.Instance;

    /// <summary>Bytes as they are (Java's ByteArraySerde); serializing does not copy the array.</summary>
    public static ISerde<byte[]> ByteArray() => ByteArraySerde.Instance;

    /// <summary>Guids as the 36-character lowercase UUID string in UTF-8 (Java's UUIDSerde).</summary>
    public static ISerde<Guid> Guid() => GuidSerde.Instance;

    /// <summary>Values as System.Text.Json UTF-8 JSON.</summary>
    /// <typeparam name="T">The type read and written.</typeparam>
    /// <param name="options">Serializer options; null uses <see cref="JsonSerializerOptions.Default"/>.</param>
    /// <returns>A shared serde when <paramref name="options"/> is null, otherwise a new one using the options.</returns>
    public static ISerde<T> Json<T>(JsonSerializerOptions? options = null) =>
        options is null ? JsonSerde<T>.Default : new JsonSerde<T>(options);

    /// <summary>
    /// Lets a value-type serde carry null: a null value becomes null bytes and null bytes read as null; anything else
    /// is handled by <paramref name="inner"/>.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="inner">The serde for non-null values.</param>
    public static ISerde<T?> Nullable<T>(ISerde<T> inner)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new NullableSerde<T>(inner);
    }

    /// <summary>
    /// The built-in serde for <typeparamref name="T"/>: string, int, long, double, byte[], Guid, or the nullable form
    /// of a value type among them.
    /// </summary>
    /// <typeparam name="T">The type to find a serde for.</typeparam>
    /// <exception cref="StreamsException">No built-in serde handles <typeparamref name="T"/>.</exception>
    public static ISerde<T> For<T>()
    {
        object? serde = Resolve(typeof(T));
        if (serde is null && typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(Windowed<>))
        {
            // A windowed key's bytes depend on the window kind (and a time window's size), which the type does not tell.
            string inner = SerdeErrors.DisplayName(typeof(T).GetGenericArguments()[0]);
            throw new StreamsException(
                "No default serde for windowed keys (Windowed<" + inner + ">); pass WindowedSerdes.TimeWindowed(innerSerde, windowSize) "
                + "or WindowedSerdes.SessionWindowed(innerSerde), e.g. Produced.With(WindowedSerdes.TimeWindowed(Serdes.String(), size), ...).");
        }

        if (serde is null)
        {
            string name = SerdeErrors.DisplayName(typeof(T));
            throw new StreamsException(
                "No built-in serde for type " + name + "; pass a serde explicitly, for example Serdes.Json<" + name
                + ">() or your own ISerde<" + name + ">.");
        }

        return (ISerde<T>)serde;
    }

    private static object? Resolve(Type type)
    {
        if (type == typeof(string))
        {
            return StringSerde.Instance;
        }

        if (type == typeof(byte[]))
        {
            return ByteArraySerde.Instance;
        }

        if (type == typeof(int))
        {
            return Int32Serde.Instance;
        }

        if (type == typeof(long))
        {
            return Int64Serde.Instance;
        }

        if (type == typeof(double))
        {
            return DoubleSerde.Instance;
        }

        if (type == typeof(Guid))
        {
            return GuidSerde.Instance;
        }

        if (type == typeof(int?))
        {
            return NullableInt32;
        }

        if (type == typeof(long?))
        {
            return NullableInt64;
        }

        if (type == typeof(double?))
        {
            return NullableDouble;
        }

        return type == typeof(Guid?) ? NullableGuid : null;
    }
}
