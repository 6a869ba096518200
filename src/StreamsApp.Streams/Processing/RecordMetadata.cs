namespace StreamsApp.Streams.Processing;

/// <summary>Where the record being processed came from.</summary>
/// <param name="Topic">The source topic.</param>
/// <param name="Partition">The source partition.</param>
/// <param name="Offset">The record's offset in that partition.</param>
public readonly record struct RecordMetadata(string Topic, int Partition, long Offset);
