using System.Text;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Runtime.Internal.Queries;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;
using static StreamsApp.Streams.Tests.Runtime.Queries.QueryTopology;

namespace StreamsApp.Streams.Tests.Runtime.Queries;

/// <summary>
/// Whoever can write to the query-hosts topic can neither stop an instance nor name an address of their own as a
/// key's owner: records without a key, garbage, unsigned and forged claims are ignored, logged and counted, by a
/// running instance and by one that reads them all at start.
/// </summary>
public sealed class QueryHostsPoisonTests
{
    private const string Application = "iq-poison";
    private const string Secret = "a-secret-of-sixteen+";
    private static readonly HostInfo HostA = new("host-a", 1001);
    private static readonly HostInfo Spoofed = new("127.0.0.1", 18666);
    private static readonly string[] Keys = [.. Enumerable.Range(0, 20).Select(i => $"k{i}")];

    [Fact]
    public async Task Poison_and_forged_claims_are_ignored_and_every_key_stays_with_its_real_owner()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic(Input, 4);
        var topic = QueryHostsExchange.TopicName(Application);
        using var dir = new TempDir();
        await using (var first = Instance(cluster, dir, HostA))
        {
            await first.StartAsync();
            await WaitUntil(() => AllOwnedBy(first, HostA));
            ProduceRaw(cluster, topic, Poison());
            await WaitUntil(() => Rejected(first) >= 5);
            Assert.Equal(KafkaStreamsState.Running, first.State);
            Assert.True(AllOwnedBy(first, HostA));
            Assert.Equal([HostA], first.MetadataForAllStreamsClients().Select(m => m.HostInfo));
        }

        // A new instance reads the topic from its beginning, poison included, and starts all the same.
        using var other = new TempDir();
        await using var second = Instance(cluster, other, new HostInfo("host-b", 1002));
        await second.StartAsync();
        await WaitUntil(() => second.State == KafkaStreamsState.Running && Rejected(second) >= 5);
        await WaitUntil(() => AllOwnedBy(second, new HostInfo("host-b", 1002)));
        Assert.DoesNotContain(second.MetadataForAllStreamsClients(), m => m.HostInfo == Spoofed);
    }

    /// <summary>No key, garbage, an unsigned (format 1) claim, a forged signature, and a signed claim replayed under another process id.</summary>
    private static IEnumerable<(byte[]? Key, byte[]? Value)> Poison()
    {
        var allTasks = "0_0,0_1,0_2,0_3";
        var signed = HostClaimFormat.For(new StreamsConfig { ApplicationId = Application, QueryHostsSecret = Secret })
            .Serialize("someone", Spoofed, [new StreamsApp.Streams.Processing.TaskId(0, 0)], []);
        return
        [
            (null, Encoding.UTF8.GetBytes($"2|{Spoofed}|{allTasks}|AAAA")),
            (Encoding.UTF8.GetBytes("evil"), [0xFF, 0x00, 0x7C]),
            (Encoding.UTF8.GetBytes("evil"), Encoding.UTF8.GetBytes($"1|{Spoofed}|{allTasks}")),
            (Encoding.UTF8.GetBytes("evil"), Encoding.UTF8.GetBytes($"2|{Spoofed}|{allTasks}|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")),
            (Encoding.UTF8.GetBytes("someone-else"), signed),
        ];
    }

    private static bool AllOwnedBy(KafkaStreams streams, HostInfo host) =>
        Keys.All(k => OwnerOf(streams, k).ActiveHost == host);

    private static double Rejected(KafkaStreams streams) => streams.Metrics.Find("query-host-claims-rejected-total").Sum(s => s.Sum);

    private static KafkaStreams Instance(Kafka.Embedded.EmbeddedKafkaCluster cluster, TempDir dir, HostInfo host)
    {
        var config = Config(cluster, Application, dir.Path);
        config.ApplicationServer = host.ToString();
        config.QueryHostsSecret = Secret;
        return new KafkaStreams(Build(), config, Options(cluster));
    }
}
