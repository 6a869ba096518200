using System.Text.Json;
using Confluent.Kafka;

namespace StreamsApp.Streams.Serialization.Internal;

/// <summary>
/// Values as System.Text.Json UTF-8. A null value (reference type or <see cref="Nullable{T}"/>) maps to null bytes
/// and back; null bytes for a non-nullable value type are an error, as are malformed JSON and a JSON <c>null</c>
/// the type cannot hold.
/// </summary>
/// <typeparam name="T">The type read and written.</typeparam>
internal sealed class JsonSerde<T> : ISerde<T>, ISerializer<T>, IDeserializer<T>
{
    /// <summary>The serde with System.Text.Json's default options.</summary>
    public static readonly JsonSerde<T> Default = new(JsonSerializerOptions.Default);

    private readonly JsonSerializerOptions _options;

    public JsonSerde(JsonSerializerOptions options) => _options = options;

    public ISerializer<T> Serializer => this;

    public IDeserializer<T> Deserializer => this;

    public byte[] Serialize(T data, SerializationContext context)
    {
        if (data is null)
        {
            return null!; // Null bytes: a tombstone, as in Kafka.
        }

        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(data, _options);
        }
        catch (JsonException ex)
        {
            throw SerdeErrors.Serializing(context, typeof(T), ex.Message, ex);
        }
    }

    public T Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull)
        {
            if (default(T) is null)
            {
                return default!; // Reference or Nullable<> type: null bytes read as null.
            }

            SerdeErrors.ThrowNullBytes(
                context, typeof(T), "Serdes.Json<" + SerdeErrors.DisplayName(typeof(T)) + ">()");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(data, _options)!;
        }
        catch (JsonException ex)
        {
            throw SerdeErrors.Deserializing(context, typeof(T), ex.Message, ex);
        }
    }
}
