using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Tells the exceptions a malformed record raises (a key too short for its store's layout, bytes that do not decode)
/// from those of the store or the machine (an I/O error, a closed store), which must still fail the task: skipping
/// records on a full disk would lose them all.
/// </summary>
internal static class MalformedRecord
{
    public static bool Is(Exception exception) => exception is
        ArgumentException or FormatException or IndexOutOfRangeException or InvalidDataException or OverflowException
        or EndOfStreamException or SerdeException;
}
