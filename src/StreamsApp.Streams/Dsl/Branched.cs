namespace StreamsApp.Streams.Dsl;

/// <summary>
/// One branch of <see cref="IKStream{TKey, TValue}.Split"/>: its name (suffix of the split's name) and, optionally,
/// what to do with the branch stream.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed record Branched<TKey, TValue>
{
    /// <summary>The branch name; null uses its 1-based position (0 for the default branch).</summary>
    public string? Name { get; init; }

    /// <summary>Transforms the branch; its result goes in the branch map (null result: left out).</summary>
    public Func<IKStream<TKey, TValue>, IKStream<TKey, TValue>?>? Chain { get; init; }
}

/// <summary>Factories for <see cref="Branched{TKey, TValue}"/> that infer the type arguments where they can.</summary>
public static class Branched
{
    /// <summary>Names a branch.</summary>
    public static Branched<TKey, TValue> As<TKey, TValue>(string name) => new Branched<TKey, TValue> { Name = name };

    /// <summary>Applies a function to the branch; its result is put in the branch map.</summary>
    public static Branched<TKey, TValue> WithFunction<TKey, TValue>(Func<IKStream<TKey, TValue>, IKStream<TKey, TValue>?> chain, string? name = null) =>
        new Branched<TKey, TValue> { Chain = chain, Name = name };

    /// <summary>Hands the branch to a consumer; the branch is then left out of the branch map.</summary>
    public static Branched<TKey, TValue> WithConsumer<TKey, TValue>(Action<IKStream<TKey, TValue>> consumer, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        return new Branched<TKey, TValue>
        {
            Chain = stream =>
            {
                consumer(stream);
                return null;
            },
            Name = name,
        };
    }
}
