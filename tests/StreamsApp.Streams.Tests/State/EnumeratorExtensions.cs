using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Tests.State;

/// <summary>Reads what a pass over a store has left, for tests that step through part of it first.</summary>
internal static class EnumeratorExtensions
{
    public static List<KeyValue<TKey, TValue>> Rest<TKey, TValue>(this IKeyValueEnumerator<TKey, TValue> enumerator)
    {
        var rest = new List<KeyValue<TKey, TValue>>();
        while (enumerator.MoveNext())
        {
            rest.Add(enumerator.Current);
        }

        return rest;
    }
}
