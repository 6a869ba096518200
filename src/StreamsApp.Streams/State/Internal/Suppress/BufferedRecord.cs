namespace StreamsApp.Streams.State.Internal.Suppress;

/// <summary>
/// One key's entry in a suppression buffer, as it is logged: the serialized key and the changelog value laid out by
/// <see cref="BufferValueFormat"/>, with the two times decoded for ordering and expiry.
/// </summary>
internal sealed record BufferedRecord(byte[] Key, byte[] Value, long BufferTime, long Timestamp)
{
    /// <summary>What the entry counts against a byte limit: its serialized key and changelog value.</summary>
    public long SizeInBytes => Key.Length + Value.Length;
}
