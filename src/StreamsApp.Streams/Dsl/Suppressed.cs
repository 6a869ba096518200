namespace StreamsApp.Streams.Dsl;

/// <summary>
/// How <see cref="IKTable{TKey, TValue}.Suppress"/> holds back a table's updates: per key, only the latest update is
/// kept and emitted once the key has been quiet long enough (<see cref="Suppressed.UntilTimeLimit"/>) or its window
/// has closed (<see cref="Suppressed.UntilWindowCloses"/>). Time is stream time: the largest record timestamp the
/// suppression has seen.
/// </summary>
/// <typeparam name="TKey">The table's key type.</typeparam>
public sealed record Suppressed<TKey>
{
    internal Suppressed(TimeSpan? timeToWaitForMoreEvents, BufferConfig bufferConfig)
    {
        TimeToWaitForMoreEvents = timeToWaitForMoreEvents;
        BufferConfig = bufferConfig;
    }

    /// <summary>How long after a key's first buffered update its latest value is emitted; null until the window closes.</summary>
    public TimeSpan? TimeToWaitForMoreEvents { get; }

    /// <summary>The buffer's limits and what happens when it is full.</summary>
    public BufferConfig BufferConfig { get; }

    /// <summary>The suppression's node name; its buffer store is then <c>&lt;name&gt;-store</c>. Null generates both.</summary>
    public string? Name { get; init; }

    /// <summary>True for <see cref="Suppressed.UntilWindowCloses"/>.</summary>
    public bool UntilWindowCloses => TimeToWaitForMoreEvents is null;

    /// <summary>Returns a copy that names the suppression node (and so its buffer store and changelog topic).</summary>
    public Suppressed<TKey> WithName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return this with { Name = name };
    }
}

/// <summary>Factories for <see cref="Suppressed{TKey}"/>.</summary>
public static class Suppressed
{
    /// <summary>
    /// Emits a key's latest value once stream time reaches the timestamp of its first buffered update plus
    /// <paramref name="timeToWaitForMoreEvents"/> (or earlier when an eager buffer is full).
    /// </summary>
    public static Suppressed<TKey> UntilTimeLimit<TKey>(TimeSpan timeToWaitForMoreEvents, BufferConfig bufferConfig)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeToWaitForMoreEvents, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(bufferConfig);
        return new Suppressed<TKey>(timeToWaitForMoreEvents, bufferConfig);
    }

    /// <summary>
    /// Emits only the final result of each window, once stream time passes its end plus the grace period. Applies to
    /// windowed tables only, and needs a strict buffer (one that never emits early, or the result would not be final).
    /// </summary>
    public static Suppressed<TKey> UntilWindowCloses<TKey>(StrictBufferConfig bufferConfig)
    {
        ArgumentNullException.ThrowIfNull(bufferConfig);
        return new Suppressed<TKey>(null, bufferConfig);
    }
}
