using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Tests.Runtime.Queries;

/// <summary>
/// An in-memory key-value store supplier whose restoration waits for <see cref="Release"/>: a test can query while
/// a task is restoring. <see cref="Restoring"/> is set once a restore batch arrives; <see cref="AfterBatch"/> runs on
/// the restoring thread after each batch is applied.
/// </summary>
internal sealed class GatedRestoreSupplier(string name) : IKeyValueBytesStoreSupplier, IDisposable
{
    private readonly IKeyValueBytesStoreSupplier _inner = Stores.InMemoryKeyValueStore(name);
    private readonly ManualResetEventSlim _gate = new(false);

    public string Name => name;

    public string MetricsScope => _inner.MetricsScope;

    public ManualResetEventSlim Restoring { get; } = new(false);

    public Action? AfterBatch { get; set; }

    public void Release() => _gate.Set();

    public IKeyValueStore<byte[], byte[]> Get() => new GatedStore(_inner.Get(), this);

    public void Dispose()
    {
        _gate.Dispose();
        Restoring.Dispose();
    }

    private sealed class GatedStore(IKeyValueStore<byte[], byte[]> inner, GatedRestoreSupplier supplier) : WrappedKeyValueBytesStore(inner)
    {
        public override void Init(IStateStoreContext context, IStateStore root) => base.Init(new GatedContext(context, supplier), root);
    }

    private sealed class GatedContext(IStateStoreContext inner, GatedRestoreSupplier supplier) : IStateStoreContext
    {
        public string ApplicationId => inner.ApplicationId;

        public StreamsApp.Streams.Processing.TaskId TaskId => inner.TaskId;

        public string StateDirectory => inner.StateDirectory;

        public StreamsConfig Config => inner.Config;

        public void Register(IStateStore store, IBatchingStateRestoreCallback restoreCallback) =>
            inner.Register(store, new GatedCallback(restoreCallback, supplier));
    }

    private sealed class GatedCallback(IBatchingStateRestoreCallback inner, GatedRestoreSupplier supplier) : IBatchingStateRestoreCallback
    {
        public void RestoreBatch(IReadOnlyList<ChangelogRecord> records)
        {
            supplier.Restoring.Set();
            supplier._gate.Wait(KafkaTestKit.WaitTimeout);
            inner.RestoreBatch(records);
            supplier.AfterBatch?.Invoke();
        }
    }
}
