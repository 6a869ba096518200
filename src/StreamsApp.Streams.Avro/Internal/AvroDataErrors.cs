using Avro;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>
/// The exceptions Apache.Avro's readers and writers raise for data that does not fit the schema. Besides its own
/// <see cref="AvroException"/>, corrupt bytes surface as index and range errors (a union index or enum ordinal out
/// of range, a negative length) and end of stream, and bad values as argument or cast errors (a decimal of the
/// wrong scale, a string where an int belongs).
/// </summary>
internal static class AvroDataErrors
{
    public static bool Matches(Exception exception) =>
        exception is AvroException or EndOfStreamException or IndexOutOfRangeException or ArgumentException
            or OverflowException or InvalidCastException;
}
