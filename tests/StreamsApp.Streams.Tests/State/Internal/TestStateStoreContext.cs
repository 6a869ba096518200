using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Tests.State.Internal;

/// <summary>A store context over a fresh temporary state directory (deleted on dispose) that records registrations.</summary>
public sealed class TestStateStoreContext : IStateStoreContext, IDisposable
{
    private readonly string _root;

    public TestStateStoreContext(RocksDbConfig? rocksDb = null)
    {
        _root = Path.Combine(Path.GetTempPath(), "streamsapp-tests", Guid.NewGuid().ToString("N"));
        Config = new StreamsConfig { ApplicationId = "test", StateDir = _root, RocksDb = rocksDb ?? new RocksDbConfig() };
        StateDirectory = Path.Combine(_root, Config.ApplicationId, TaskId.ToString());
        Directory.CreateDirectory(StateDirectory);
    }

    public string ApplicationId => Config.ApplicationId;

    public TaskId TaskId { get; } = new(0, 0);

    public string StateDirectory { get; }

    public StreamsConfig Config { get; }

    public List<(IStateStore Store, IBatchingStateRestoreCallback Callback)> Registrations { get; } = [];

    /// <summary>The restore callback of the last registered store.</summary>
    public IBatchingStateRestoreCallback RestoreCallback => Registrations[^1].Callback;

    public void Register(IStateStore store, IBatchingStateRestoreCallback restoreCallback) =>
        Registrations.Add((store, restoreCallback));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
