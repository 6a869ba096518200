using System.Text;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Runtime.Internal.Queries;
using StreamsApp.Streams.TestApp;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime.Queries;

/// <summary>
/// An instance's claim follows the tasks an incremental rebalance takes from it. Such a rebalance leaves the instance
/// Running, so no state change republishes its claim. A stale claim naming the moved tasks wins once it is newer
/// than the new owner's: the embedded cluster hands a partition to a joiner before its old owner has revoked it, so
/// the joiner can claim first. Every instance then sent the moved keys to the old owner, which answered them from its
/// other partitions: 404 for keys that exist (the scaling test's CI failure).
/// </summary>
public sealed class ClaimRevocationTests
{
    private const string App = "claim-revocation";
    private static readonly HostInfo Stayer = new("stayer", 1);
    private static readonly HostInfo Joiner = new("joiner", 2);

    [Fact]
    public async Task A_member_that_only_loses_tasks_to_a_joiner_claims_only_the_tasks_it_keeps()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic(CountingTopology.Input(App), 4);
        cluster.CreateTopic(CountingTopology.Output(App), 4);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        var stayerConfig = Config(cluster, App, dirA.Path);
        stayerConfig.ApplicationServer = Stayer.ToString();
        var joinerConfig = Config(cluster, App, dirB.Path);
        joinerConfig.ApplicationServer = Joiner.ToString();
        await using var stayer = new KafkaStreams(CountingTopology.Build(App), stayerConfig, Options(cluster));
        await stayer.StartAsync();
        await WaitUntil(() => stayer.State == KafkaStreamsState.Running && stayer.LocalActiveTasks.Count == 8);

        await using var joiner = new KafkaStreams(CountingTopology.Build(App), joinerConfig, Options(cluster));
        await joiner.StartAsync();
        await WaitUntil(() => joiner.State == KafkaStreamsState.Running && stayer.State == KafkaStreamsState.Running
            && joiner.LocalActiveTasks.Count > 0 && joiner.LocalActiveTasks.Count + stayer.LocalActiveTasks.Count == 8);

        // Each instance's latest claim in the topic names the tasks it runs, so no task is named twice.
        var format = HostClaimFormat.For(stayerConfig);
        ReadUntil(cluster, QueryHostsExchange.TopicName(App), records =>
        {
            var latest = LatestClaims(records, format);
            return latest.GetValueOrDefault(Stayer) is { } kept && kept.SetEquals(stayer.LocalActiveTasks)
                && latest.GetValueOrDefault(Joiner) is { } taken && taken.SetEquals(joiner.LocalActiveTasks);
        });
    }

    /// <summary>The tasks of each host's latest claim among <paramref name="records"/>.</summary>
    private static Dictionary<HostInfo, IReadOnlySet<TaskId>> LatestClaims(
        IEnumerable<Confluent.Kafka.ConsumeResult<byte[], byte[]>> records, HostClaimFormat format)
    {
        var latest = new Dictionary<HostInfo, IReadOnlySet<TaskId>>();
        foreach (var record in records.Where(r => r.Message.Value is not null))
        {
            var claim = format.Deserialize(Encoding.UTF8.GetString(record.Message.Key), record.Message.Value, record.Offset.Value, out var reason)
                ?? throw new InvalidOperationException($"Not a claim at offset {record.Offset.Value}: {reason}");
            latest[claim.Host] = claim.Tasks;
        }

        return latest;
    }
}
