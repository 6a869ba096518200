using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// Whether Kafka Streams would materialize a source table (<c>Table</c>, <c>ToTable</c>), and the caching of its store
/// that follows. Our source tables always have a store (decision 0003), but Kafka Streams gives one only to a table the
/// user named, or that something later needs: a re-grouping or a suppression (which need old values), or a join that
/// reads the table through its value getter. Until then the store here has no cache, so that every update goes
/// downstream at once, as from Kafka Streams' storeless <c>KTableSource</c>: a delete of a key the table never had
/// included, and each of several updates made while handling one record.
/// </summary>
internal sealed class SourceTableMaterialization
{
    private readonly IStoreBuilder<IStateStore> _store;
    private readonly bool _caching;

    /// <param name="store">The table's store, configured as its <c>Materialized</c> asks.</param>
    /// <param name="named">Whether the user named the store, which materializes the table from the start.</param>
    /// <param name="caching">Whether the store is cached once the table is materialized (its <c>Materialized</c>'s choice).</param>
    public SourceTableMaterialization(IStoreBuilder<IStateStore> store, bool named, bool caching)
    {
        _store = store;
        _caching = caching;
        IsMaterialized = named;
        if (!named)
        {
            store.WithCachingDisabled();
        }
    }

    /// <summary>Whether Kafka Streams would have materialized the table by now (its <c>KTableSource.materialized()</c>).</summary>
    public bool IsMaterialized { get; private set; }

    /// <summary>Materializes the table as Kafka Streams' <c>KTableSource.materialize()</c>: its store gets its cache.</summary>
    public void Materialize()
    {
        if (IsMaterialized)
        {
            return;
        }

        IsMaterialized = true;
        if (_caching)
        {
            _store.WithCachingEnabled();
        }
    }
}
