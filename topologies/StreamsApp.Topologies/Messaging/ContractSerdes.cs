using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Topologies.Messaging;

/// <summary>The serdes of the mission's topics: string keys, Avro values in Confluent's wire format through one registry.</summary>
/// <param name="registry">The Schema Registry (in-memory for the embedded default and tests, HTTP otherwise).</param>
public sealed class ContractSerdes(ISchemaRegistryClient registry)
{
    private readonly Dictionary<Type, object> _serdes = [];

    /// <summary>The registry the serdes use.</summary>
    public ISchemaRegistryClient Registry { get; } = registry;

    /// <summary>Keys are plain strings (order, customer, product ids).</summary>
    public static ISerde<string> Key => Serdes.String();

    /// <summary>The Avro serde of a contract type (one instance per type, so its schema caches are shared).</summary>
    /// <typeparam name="T">A type in <c>StreamsApp.Contracts</c>.</typeparam>
    public AvroSerde<T> Value<T>()
        where T : class
    {
        lock (_serdes)
        {
            if (!_serdes.TryGetValue(typeof(T), out var serde))
            {
                serde = new AvroSerde<T>(Registry);
                _serdes.Add(typeof(T), serde);
            }

            return (AvroSerde<T>)serde;
        }
    }
}
