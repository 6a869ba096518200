using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Tests.Runtime.Queries;

/// <summary>
/// The topology of the query tests: clicks counted per key (<c>counts</c>), per key and minute
/// (<c>windowed-counts</c>) and per key and session (<c>session-counts</c>).
/// </summary>
internal static class QueryTopology
{
    public const string Input = "clicks";
    public const string Counts = "counts";
    public const string WindowedCounts = "windowed-counts";
    public const string SessionCounts = "session-counts";

    public static StoreQueryParameters<IReadOnlyKeyValueStore<string, long>> CountsStore { get; } =
        StoreQueryParameters<IReadOnlyKeyValueStore<string, long>>.FromNameAndType(Counts, QueryableStoreTypes.KeyValueStore<string, long>());

    public static Topology Build(IKeyValueBytesStoreSupplier? counts = null)
    {
        var builder = new StreamsBuilder();
        var clicks = builder.Stream(Input, Consumed.With(Serdes.String(), Serdes.String())).GroupByKey();
        clicks.Count(materialized: counts is null ? Materialized.As<string, long>(Counts) : Materialized.As<string, long>(counts));
        clicks.WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMinutes(1))).Count(materialized: Materialized.As<string, long>(WindowedCounts));
        clicks.WindowedBy(SessionWindows.OfInactivityGapWithNoGrace(TimeSpan.FromMinutes(5))).Count(materialized: Materialized.As<string, long>(SessionCounts));
        return builder.Build();
    }

    public static KeyQueryMetadata OwnerOf(KafkaStreams streams, string key) =>
        streams.QueryMetadataForKey(Counts, key, Serdes.String().Serializer);

    /// <summary>A key's count in an instance's stores; null when absent or when the store cannot be queried now.</summary>
    public static long? CountOf(KafkaStreams streams, string key, int? partition = null)
    {
        try
        {
            var store = streams.Store(partition is { } p ? CountsStore.WithPartition(p) : CountsStore);
            return store.TryGet(key, out var count) ? count : null;
        }
        catch (InvalidStateStoreException)
        {
            return null;
        }
    }
}
