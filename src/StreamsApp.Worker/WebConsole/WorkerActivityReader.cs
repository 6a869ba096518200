using StreamsApp.Contracts.Saga;
using StreamsApp.Streams;
using StreamsApp.Streams.Hosting;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing;
using StreamsApp.Worker.Operations.Metrics;

namespace StreamsApp.Worker.WebConsole;

/// <summary>
/// Reads this worker's <see cref="WorkerActivity"/> from its runtime: tasks from the runtime, records processed from
/// the task sensors (Kafka Streams' <c>process-total</c>), lag from the consumer's <c>records-lag</c> gauges, sagas from
/// the saga statistics projection.
/// </summary>
internal static class WorkerActivityReader
{
    private const string TaskTag = "task-id";

    /// <summary>This worker's activity now.</summary>
    /// <param name="instance">The worker's runtime.</param>
    /// <param name="applicationId">The application id, which prefixes internal topics' names on the cluster but not in the description.</param>
    public static WorkerActivity Read(IKafkaStreamsInstance instance, string applicationId)
    {
        var address = instance.ApplicationServer ?? "";
        var state = instance.State.ToString();
        if (instance.Streams is not { } streams)
        {
            return new WorkerActivity(address, state, [], [], new Dictionary<string, long>(), []);
        }

        // A task sensor's tag is its task id as text.
        var processed = streams.Metrics.Find("process-total")
            .Select(sensor => (Sensor: sensor, IsTask: TaskId.TryParse(sensor.Name.Tag(TaskTag), out var task), Task: task))
            .Where(sensor => sensor.IsTask)
            .GroupBy(sensor => sensor.Task.Subtopology)
            .ToDictionary(g => g.Key, g => (long)g.Sum(sensor => sensor.Sensor.Sum));
        var lag = Lag(streams.Metrics.ReadGauges(), SourceTopics(instance.Description, applicationId));
        var sagas = SagaStates.Read(streams) is { } totals
            ? Enum.GetValues<SagaStatus>().ToDictionary(status => status.ToString(), status => totals[status])
            : new Dictionary<string, long>();
        var tasks = streams.LocalActiveTasks;
        return new WorkerActivity(
            address,
            state,
            [.. tasks.Select(task => task.ToString())],
            [.. streams.LocalStandbyTasks.Select(task => task.ToString())],
            sagas,
            [.. tasks.Select(task => task.Subtopology).Distinct().Order()
                .Select(id => new SubtopologyActivity(id, processed.GetValueOrDefault(id), lag.GetValueOrDefault(id)))]);
    }

    // The lag of each partition read, summed per sub-topology reading its topic.
    private static Dictionary<int, long> Lag(IEnumerable<MetricValue> gauges, Dictionary<string, int> subtopologyOf) =>
        gauges.Where(gauge => gauge.Name.Name == "records-lag" && gauge.Name.Tag("topic") is { } topic && subtopologyOf.ContainsKey(topic))
            .GroupBy(gauge => subtopologyOf[gauge.Name.Tag("topic")!])
            .ToDictionary(g => g.Key, g => (long)g.Sum(gauge => Math.Max(0, gauge.Value)));

    // Each source topic's sub-topology, under its name in the description and, for internal topics, on the cluster.
    private static Dictionary<string, int> SourceTopics(TopologyDescription description, string applicationId)
    {
        var topics = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (subtopology, names) in SubtopologySources.Of(description))
        {
            foreach (var topic in names)
            {
                topics.TryAdd(topic, subtopology);
                topics.TryAdd($"{applicationId}-{topic}", subtopology);
            }
        }

        return topics;
    }
}
