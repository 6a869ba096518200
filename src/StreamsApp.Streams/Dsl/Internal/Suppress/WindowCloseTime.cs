namespace StreamsApp.Streams.Dsl.Internal.Suppress;

/// <summary>
/// What <see cref="Suppressed.UntilWindowCloses"/> needs from a windowed table, set by the windowed DSL on the tables
/// it makes: when a key's window ends, and how long after its end it still accepts records (grace).
/// </summary>
/// <param name="WindowEnd">The end of the window a (windowed) key belongs to, in epoch milliseconds.</param>
/// <param name="GraceMs">The window's grace period.</param>
internal sealed record WindowCloseTime<TKey>(Func<TKey, long> WindowEnd, long GraceMs);
