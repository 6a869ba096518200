using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.TestApp;

/// <summary>
/// The runtime tests' topology: words counted per word (RocksDB or in memory, change-logged, through a repartition
/// topic). Its topics are named after the application id, so runs on a shared real cluster do not see each other's
/// records.
/// </summary>
public static class CountingTopology
{
    /// <summary>The store holding the counts.</summary>
    public const string Store = "word-counts";

    /// <summary>Input topic: key anything, value a word.</summary>
    public static string Input(string applicationId) => applicationId + ".words";

    /// <summary>Output topic: word → count so far.</summary>
    public static string Output(string applicationId) => applicationId + ".word-counts";

    /// <summary>Builds the topology.</summary>
    /// <param name="applicationId">Names the topics.</param>
    /// <param name="inMemory">Keeps the counts in memory instead of RocksDB (change-logged all the same).</param>
    public static Topology Build(string applicationId, bool inMemory = false)
    {
        var builder = new StreamsBuilder();
        builder.Stream(Input(applicationId), Consumed.With(Serdes.String(), Serdes.String()))
            .GroupBy((_, word) => word, Grouped.With(Serdes.String(), Serdes.String()))
            .Count(materialized: inMemory ? Materialized.As<string, long>(Stores.InMemoryKeyValueStore(Store)) : Materialized.As<string, long>(Store))
            .ToStream()
            .To(Output(applicationId), Produced.With(Serdes.String(), Serdes.Int64()));
        return builder.Build();
    }
}
