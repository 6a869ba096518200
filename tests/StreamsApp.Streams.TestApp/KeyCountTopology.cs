using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.TestApp;

/// <summary>
/// The real-broker tests' topology: records counted per key (RocksDB or in memory, change-logged, no repartition), each count
/// written to the output. With caching off every input record yields exactly one output record, so a key's outputs
/// read in order must be 1, 2, 3, ... under exactly-once: a gap is a lost update, a repeat a duplicate.
/// </summary>
public static class KeyCountTopology
{
    /// <summary>The store holding the counts.</summary>
    public const string Store = "key-counts";

    /// <summary>Input topic: any value under the key to count.</summary>
    public static string Input(string applicationId) => applicationId + ".keys";

    /// <summary>Output topic: key → count so far.</summary>
    public static string Output(string applicationId) => applicationId + ".key-counts";

    /// <summary>Builds the topology.</summary>
    /// <param name="applicationId">The application id its topics are named after.</param>
    /// <param name="perRecord">
    /// Work per record before counting, none by default: a slow instance falls behind and holds a full buffer.
    /// </param>
    /// <param name="inMemory">Keeps the counts in memory instead of RocksDB (change-logged all the same).</param>
    public static Topology Build(string applicationId, TimeSpan perRecord = default, bool inMemory = false)
    {
        var builder = new StreamsBuilder();
        var records = builder.Stream(Input(applicationId), Consumed.With(Serdes.String(), Serdes.String()));
        if (perRecord > TimeSpan.Zero)
        {
            records = records.Peek((_, _) => Thread.Sleep(perRecord));
        }

        records.GroupByKey(Grouped.With(Serdes.String(), Serdes.String()))
            .Count(materialized: inMemory ? Materialized.As<string, long>(Stores.InMemoryKeyValueStore(Store)) : Materialized.As<string, long>(Store))
            .ToStream()
            .To(Output(applicationId), Produced.With(Serdes.String(), Serdes.Int64()));
        return builder.Build();
    }
}
