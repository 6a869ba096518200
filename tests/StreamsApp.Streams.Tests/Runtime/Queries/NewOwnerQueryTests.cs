using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.TestApp;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime.Queries;

/// <summary>
/// An instance that has just taken tasks over names itself their keys' owner at once: its claim goes round the
/// query-hosts topic before it reaches even itself, and until then the newest claim naming those tasks is the
/// previous owner's, which may have left. Slow brokers (a 1.5 s round trip) make that window long.
/// </summary>
public sealed class NewOwnerQueryTests
{
    [Fact]
    public async Task A_new_owner_names_itself_for_its_keys_before_its_claim_goes_round()
    {
        const string App = "new-owner";
        using var cluster = StartCluster();
        cluster.CreateTopic(CountingTopology.Input(App), 4);
        cluster.CreateTopic(CountingTopology.Output(App), 4);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        var words = Enumerable.Range(0, 10).Select(i => $"w{i}").ToList();
        var configA = Config(cluster, App, dirA.Path);
        configA.ApplicationServer = "a:1";
        await using var first = new KafkaStreams(CountingTopology.Build(App), configA, Options(cluster));
        await first.StartAsync();
        await WaitUntil(() => first.State == KafkaStreamsState.Running
            && words.All(w => first.QueryMetadataForKey(CountingTopology.Store, w, Serdes.String().Serializer).ActiveHost == HostInfo.Parse("a:1")));

        var partitionOf = words.ToDictionary(w => w, w => first.QueryMetadataForKey(CountingTopology.Store, w, Serdes.String().Serializer).Partition);
        cluster.SetBrokerRtt(1, TimeSpan.FromMilliseconds(1500));
        var configB = Config(cluster, App, dirB.Path);
        configB.ApplicationServer = "b:2";
        await using var second = new KafkaStreams(CountingTopology.Build(App), configB, Options(cluster));
        await second.StartAsync();
        await WaitUntil(() => second.LocalActiveTasks.Any(t => t.Subtopology == 1));

        var taken = second.LocalActiveTasks.Where(t => t.Subtopology == 1).Select(t => t.Partition).ToHashSet();
        var owners = words
            .Where(w => taken.Contains(partitionOf[w]))
            .Select(w => second.QueryMetadataForKey(CountingTopology.Store, w, Serdes.String().Serializer).ActiveHost)
            .ToList();
        Assert.NotEmpty(owners);
        Assert.All(owners, owner => Assert.Equal(HostInfo.Parse("b:2"), owner));
        cluster.SetBrokerRtt(1, TimeSpan.Zero);
    }
}
