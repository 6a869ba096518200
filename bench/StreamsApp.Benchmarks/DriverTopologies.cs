namespace StreamsApp.Benchmarks;

/// <summary>
/// The names of the driver benchmarks' topologies: each engine's benchmark of a topology carries the same one, which
/// is how <c>bench streamiz</c> pairs ours with Streamiz's.
/// </summary>
internal static class DriverTopologies
{
    public const string FilterMapValues = "(a) Filter+MapValues";
    public const string CountInMemory = "(b) GroupByKey.Count in memory";
    public const string CountRocksDb = "(c) GroupByKey.Count in RocksDB";
    public const string TumblingWindowCount = "(3a) tumbling 1-minute window Count in RocksDB";
    public const string StreamTableJoin = "(3b) stream-table join, 10,000-row table";
}
