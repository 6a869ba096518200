namespace StreamsApp.Streams.State.Internal;

/// <summary>A typed store that can say how it writes a key (to merge or route the stores of several tasks).</summary>
internal interface IRawKeyStore<in TKey>
{
    byte[] RawKey(TKey key);
}
