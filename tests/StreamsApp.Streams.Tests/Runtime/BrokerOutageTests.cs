using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// The embedded cluster's only broker goes down mid-run and comes back: the instance says since when it has lost the
/// cluster, its threads live on, and processing resumes by itself with nothing lost or counted twice.
/// </summary>
public sealed class BrokerOutageTests
{
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(GroupProtocol.Classic)]
    [InlineData(GroupProtocol.Consumer)]
    public async Task A_lost_broker_shows_and_processing_resumes_by_itself_when_it_returns(GroupProtocol protocol)
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("words", 2);
        cluster.CreateTopic("word-counts", 2);
        var builder = new StreamsBuilder();
        builder.Stream("words", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>("counts"))
            .ToStream()
            .To("word-counts", Produced.With(Serdes.String(), Serdes.Int64()));
        using var dir = new TempDir();
        var config = Config(cluster, "outage-app", dir.Path);
        config.GroupProtocol = protocol;
        await using var streams = new KafkaStreams(builder.Build(), config, Options(cluster));
        await streams.StartAsync();
        await streams.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);
        Produce(cluster, "words", Enumerable.Range(0, 20).Select(i => ($"w{i % 4}", "x")));
        ReadUntil(cluster, "word-counts", r => Latest(r, Int64) is var l && l.Count == 4 && l.Values.All(c => c == 5));
        Assert.Null(streams.ClusterUnreachableSince);

        cluster.SetBrokerDown(1);
        await WaitUntil(() => streams.ClusterUnreachableSince is not null);
        var lostSince = streams.ClusterUnreachableSince;
        // The outage itself: longer than the group's session timeout, so the group expires the member meanwhile.
        await Task.Delay(OutageLength);
        cluster.SetBrokerUp(1);

        await WaitUntil(() => streams.ClusterUnreachableSince is null);
        Assert.True(lostSince <= DateTimeOffset.UtcNow);
        Produce(cluster, "words", Enumerable.Range(0, 20).Select(i => ($"w{i % 4}", "x")));
        var counts = Latest(ReadUntil(cluster, "word-counts", r => Latest(r, Int64) is var l && l.Count == 4 && l.Values.All(c => c >= 10)), Int64);
        Assert.All(counts.Values, count => Assert.Equal(10, count));
        await streams.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);
    }
}
