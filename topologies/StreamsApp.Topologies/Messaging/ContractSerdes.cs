using Confluent.SchemaRegistry;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Topologies.Messaging;

/// <summary>The serdes of the mission's topics: string keys, Avro values in Confluent's wire format through one registry.</summary>
/// <param name="registry">The Schema Registry (in-memory for the embedded default and tests, Confluent's client otherwise).</param>
public sealed class ContractSerdes(ISchemaRegistryClient registry)
{
    private readonly Dictionary<Type, object> _serdes = [];
    private readonly Dictionary<Type, object> _events = [];

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

    /// <summary>
    /// The serde of an event, command or reply topic's values: <see cref="Value{T}"/>, made <see cref="Required{T}"/>.
    /// </summary>
    /// <typeparam name="T">A type in <c>StreamsApp.Contracts</c>.</typeparam>
    public ISerde<T> Event<T>()
        where T : class
    {
        var value = Value<T>();
        lock (_events)
        {
            if (!_events.TryGetValue(typeof(T), out var serde))
            {
                serde = Required(value);
                _events.Add(typeof(T), serde);
            }

            return (ISerde<T>)serde;
        }
    }

    /// <summary>
    /// <paramref name="serde"/>, except that a record without a value fails to deserialize
    /// (<see cref="EventDeserializer{T}"/>) and so goes to the dead-letter topic: for topics whose every record carries
    /// a value (events, commands, replies, and the repartition topics between the mission's processors).
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="serde">Reads and writes values that are present.</param>
    public static ISerde<T> Required<T>(ISerde<T> serde)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(serde);
        return new Serde<T>(serde.Serializer, new EventDeserializer<T>(serde.Deserializer));
    }
}
