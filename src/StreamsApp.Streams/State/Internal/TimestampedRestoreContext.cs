using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// The context a timestamped store's data layer opens with, below its change-logging layer. The changelog carries
/// the plain value with the stored timestamp as the record timestamp (see <see cref="ChangelogWriter"/>), while the
/// data layer stores [8-byte timestamp][value]; so the restore callback the data layer registers is wrapped to put
/// the two back together (Kafka Streams converts the same way when it restores a timestamped store).
/// </summary>
internal sealed class TimestampedRestoreContext(IStateStoreContext inner) : IStateStoreContext
{
    /// <summary>The context this one wraps: the task's, when the store runs in a task.</summary>
    public IStateStoreContext Inner => inner;

    public string ApplicationId => inner.ApplicationId;

    public TaskId TaskId => inner.TaskId;

    public string StateDirectory => inner.StateDirectory;

    public StreamsConfig Config => inner.Config;

    public void Register(IStateStore store, IBatchingStateRestoreCallback restoreCallback) =>
        inner.Register(store, new Callback(restoreCallback));

    private sealed class Callback(IBatchingStateRestoreCallback inner) : IBatchingStateRestoreCallback
    {
        public void RestoreBatch(IReadOnlyList<ChangelogRecord> records)
        {
            ArgumentNullException.ThrowIfNull(records);
            var stamped = new ChangelogRecord[records.Count];
            for (var i = 0; i < stamped.Length; i++)
            {
                var record = records[i];

                // A tombstone deletes whatever the timestamp.
                stamped[i] = record.Value is null
                    ? record
                    : record with { Value = ValueAndTimestampSerde.Combine(record.Timestamp, record.Value) };
            }

            inner.RestoreBatch(stamped);
        }
    }
}
