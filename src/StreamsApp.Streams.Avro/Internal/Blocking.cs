namespace StreamsApp.Streams.Avro.Internal;

/// <summary>
/// Waits for a registry call from the engine's synchronous serde path. The serdes call it only on a cache miss
/// (the first record of a schema), so a stream thread blocks once per schema, never per record. Blocking is safe
/// from deadlock because the clients never resume on a captured context (<c>ConfigureAwait(false)</c>), and the
/// engine's stream threads have no synchronization context anyway.
/// </summary>
internal static class Blocking
{
    public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
