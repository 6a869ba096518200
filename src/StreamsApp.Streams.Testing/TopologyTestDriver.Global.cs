using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Runtime.Internal;
using StreamsApp.Streams.State.Internal.Caching;
using StreamsApp.Streams.Testing.Internal;

namespace StreamsApp.Streams.Testing;

/// <summary>
/// Global stores in the driver: as Kafka Streams' driver does with its global state task, a record piped into a
/// global topic (any partition count, no co-partitioning) updates the global store at once.
/// </summary>
public sealed partial class TopologyTestDriver
{
    private static readonly TaskId GlobalTaskId = new(-1, -1);
    private GlobalStateUpdater? _globalState;

    private GlobalStateUpdater? CreateGlobalState(TestRecordCollector collector, ILogger logger, string stateRoot)
    {
        if (_builder.BuildGlobal(_config.ApplicationId) is not { } topology)
        {
            return null;
        }

        var stateDir = Directory.CreateDirectory(Path.Combine(stateRoot, "global")).FullName;
        var stateManager = new ProcessorStateManager(GlobalTaskId, new Dictionary<string, string>());
        var context = new TaskContext(
            GlobalTaskId, _config, stateDir, collector, stateManager, _time, logger, new TaskMetrics(Metrics, "test-driver-global", GlobalTaskId),
            new ThreadCache(_config.CacheMaxBytesBuffering));
        var updater = new GlobalStateUpdater(topology, context, stateManager);
        updater.Initialize();
        return updater;
    }

    private void UpdateGlobalState(string topic, int partition, byte[]? key, byte[]? value, Headers? headers, long timestamp) =>
        _globalState!.Update(NextRecord(topic, partition, key, value, headers, timestamp));
}
