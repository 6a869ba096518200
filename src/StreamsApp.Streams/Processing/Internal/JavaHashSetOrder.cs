namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// The iteration order of a <c>java.util.HashSet&lt;String&gt;</c> filled in a given order, which is how Kafka Streams
/// prints a processor's stores in <c>Describe()</c>: by hash bucket (<c>String.hashCode</c> spread by its upper half,
/// masked by a table of 16 that doubles past 3/4 full), equal buckets in insertion order.
/// </summary>
internal static class JavaHashSetOrder
{
    private const int InitialCapacity = 16;

    public static IReadOnlyList<string> Of(IReadOnlyList<string> insertionOrder)
    {
        var capacity = InitialCapacity;
        while (insertionOrder.Count > capacity * 3 / 4)
        {
            capacity *= 2;
        }

        // OrderBy is stable, so equal buckets keep insertion order as Java's bucket lists do.
        return [.. insertionOrder.OrderBy(name => Bucket(name, capacity))];
    }

    private static int Bucket(string value, int capacity)
    {
        var hash = JavaHashCode(value);
        return (int)((hash ^ (hash >> 16)) & (uint)(capacity - 1));
    }

    // Java's String.hashCode over UTF-16 code units, which are .NET's chars.
    private static uint JavaHashCode(string value)
    {
        uint hash = 0;
        foreach (var c in value)
        {
            hash = unchecked((31 * hash) + c);
        }

        return hash;
    }
}
