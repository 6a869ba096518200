namespace StreamsApp.Worker.Embedded;

/// <summary>
/// How full each partition of the embedded cluster is, estimated from the records read from it: the mock cluster
/// keeps at most <see cref="MaxBytes"/> or <see cref="MaxBatches"/> per partition and silently drops the oldest
/// data beyond, so a changelog past that restores a store without its oldest keys. Bytes are key, value and headers
/// plus <see cref="RecordOverhead"/> per record; records stand in for batches (a batch holds at least one record),
/// so both estimates err on the full side. Says when a partition first passes <see cref="WarnAt"/> of a limit.
/// </summary>
internal sealed class PartitionFill(long maxBytes = PartitionFill.MaxBytes, long maxBatches = PartitionFill.MaxBatches)
{
    /// <summary>The mock cluster's bytes per partition.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The mock cluster's batches per partition.</summary>
    public const long MaxBatches = 100_000;

    /// <summary>A record batch's per-record framing in Kafka's v2 format, about (varints, attributes, deltas).</summary>
    public const int RecordOverhead = 20;

    /// <summary>The share of a limit at which a partition is reported.</summary>
    public const double WarnAt = 0.8;

    private readonly Dictionary<(string Topic, int Partition), (long Bytes, long Records, bool Reported)> _fill = [];

    /// <summary>Counts one record read from a partition.</summary>
    public void Add(string topic, int partition, int keyBytes, int valueBytes, int headerBytes)
    {
        var (bytes, records, reported) = _fill.GetValueOrDefault((topic, partition));
        _fill[(topic, partition)] = (bytes + keyBytes + valueBytes + headerBytes + RecordOverhead, records + 1, reported);
    }

    /// <summary>The partitions that passed <see cref="WarnAt"/> since the last call, with how full they are (0 to 1 and over).</summary>
    public IReadOnlyList<(string Topic, int Partition, double Fill, long Bytes, long Records)> NewlyFull()
    {
        var full = new List<(string, int, double, long, long)>();
        foreach (var ((topic, partition), (bytes, records, reported)) in _fill.ToList())
        {
            var fill = Math.Max((double)bytes / maxBytes, (double)records / maxBatches);
            if (!reported && fill >= WarnAt)
            {
                _fill[(topic, partition)] = (bytes, records, true);
                full.Add((topic, partition, fill, bytes, records));
            }
        }

        return full;
    }
}
