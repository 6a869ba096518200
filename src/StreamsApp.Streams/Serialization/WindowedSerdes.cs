using System.Buffers.Binary;
using Confluent.Kafka;
using StreamsApp.Streams.Serialization.Internal;

namespace StreamsApp.Streams.Serialization;

/// <summary>Serdes for windowed keys, byte-compatible with Kafka Streams' <c>WindowedSerdes</c>.</summary>
public static class WindowedSerdes
{
    /// <summary>
    /// Time-windowed keys as the inner key's bytes followed by the window start (8 big-endian bytes), as Kafka
    /// Streams' <c>TimeWindowedSerde</c>. The end is not written, so reading needs the window size.
    /// </summary>
    /// <exception cref="ArgumentException">The window size is not positive.</exception>
    public static ISerde<Windowed<TKey>> TimeWindowed<TKey>(ISerde<TKey> inner, TimeSpan windowSize)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var windowSizeMs = (long)windowSize.TotalMilliseconds;
        if (windowSizeMs <= 0)
        {
            throw new ArgumentException($"The window size must be at least one millisecond, got {windowSize}", nameof(windowSize));
        }

        return new WindowedSerde<TKey>(
            inner,
            suffixSize: 8,
            (window, suffix) => BinaryPrimitives.WriteInt64BigEndian(suffix, window.StartMs),
            suffix =>
            {
                var start = BinaryPrimitives.ReadInt64BigEndian(suffix);
                return new TimeWindow(start, start > long.MaxValue - windowSizeMs ? long.MaxValue : start + windowSizeMs);
            });
    }

    /// <summary>
    /// Session-windowed keys as the inner key's bytes, the session end, then the session start (8 big-endian bytes
    /// each), as Kafka Streams' <c>SessionWindowedSerde</c>.
    /// </summary>
    public static ISerde<Windowed<TKey>> SessionWindowed<TKey>(ISerde<TKey> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new WindowedSerde<TKey>(
            inner,
            suffixSize: 16,
            (window, suffix) =>
            {
                BinaryPrimitives.WriteInt64BigEndian(suffix, window.EndMs);
                BinaryPrimitives.WriteInt64BigEndian(suffix[8..], window.StartMs);
            },
            suffix => new SessionWindow(BinaryPrimitives.ReadInt64BigEndian(suffix[8..]), BinaryPrimitives.ReadInt64BigEndian(suffix)));
    }
}
