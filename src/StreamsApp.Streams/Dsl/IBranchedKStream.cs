namespace StreamsApp.Streams.Dsl;

/// <summary>The branches of a <see cref="IKStream{TKey, TValue}.Split"/>, added in order of precedence.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IBranchedKStream<TKey, TValue>
{
    /// <summary>Adds a branch for the records that satisfy <paramref name="predicate"/> and no earlier branch.</summary>
    IBranchedKStream<TKey, TValue> Branch(Func<TKey, TValue, bool> predicate, Branched<TKey, TValue>? branched = null);

    /// <summary>Adds the branch for every other record and returns the branches by name.</summary>
    IReadOnlyDictionary<string, IKStream<TKey, TValue>> DefaultBranch(Branched<TKey, TValue>? branched = null);

    /// <summary>Drops the records no branch takes and returns the branches by name.</summary>
    IReadOnlyDictionary<string, IKStream<TKey, TValue>> NoDefaultBranch();
}
