using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.ValueGetters;

/// <summary>
/// Looks up a table's current row for a key inside one task (Kafka Streams' <c>KTableValueGetter</c>): how a join
/// reads the other side without receiving its updates.
/// </summary>
internal interface IKTableValueGetter<TKey, TValue>
{
    /// <summary>Opens the stores the getter reads; called from the joining processor's <c>Init</c>.</summary>
    void Init(IProcessingContext context);

    /// <summary>The row for <paramref name="key"/> with the timestamp of its last update; false when absent.</summary>
    bool TryGet(TKey key, out ValueAndTimestamp<TValue> value);
}

/// <summary>
/// Makes one getter per processor instance, and names the stores it reads so that the joining processor can be
/// connected to them (which puts both in one sub-topology and makes the task open the stores).
/// </summary>
internal interface IKTableValueGetterSupplier<TKey, TValue>
{
    IKTableValueGetter<TKey, TValue> Get();

    IReadOnlyList<string> StoreNames { get; }
}
