using Confluent.Kafka;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>Connects a metered window or session store's typed flush listener to the caching layer below it.</summary>
internal static class WindowedFlushListener
{
    /// <summary>
    /// Passes the caching layer's flushed windows to <paramref name="listener"/>, deserialized; false when
    /// <paramref name="inner"/> is not cached.
    /// </summary>
    public static bool TrySet<TInner, TKey, TValue>(
        TInner inner, StoreSerdes<TKey, TValue> serdes, Action<Windowed<TKey>, Change<TValue>, long, Headers?> listener, bool sendOldValues)
        where TInner : IStateStore
    {
        if (inner is not CachingSegmentedStore<TInner> caching)
        {
            return false;
        }

        caching.SetFlushListener(
            (window, newValue, oldValue, timestamp, headers) => listener(
                new Windowed<TKey>(serdes.KeyFrom(window.Key), window.Window), serdes.ChangeFrom(newValue, oldValue), timestamp, headers),
            sendOldValues);
        return true;
    }
}
