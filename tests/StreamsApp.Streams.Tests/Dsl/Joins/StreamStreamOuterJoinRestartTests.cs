using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.Dsl.Joins.StreamStreamJoinSupport;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// An unmatched record still waiting in the outer store when the application stops is emitted after a restart, once
/// stream time closes its window: the restarted join does not assume its outer store starts empty.
/// </summary>
public sealed class StreamStreamOuterJoinRestartTests : IDisposable
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("streamsapp-join-tests-").FullName;

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);

    [Theory]
    [InlineData(Kind.Left)]
    [InlineData(Kind.Outer)]
    public void A_record_waiting_at_shutdown_is_emitted_when_its_window_closes_after_the_restart(Kind kind)
    {
        var topology = Build(kind, JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10)));
        var config = new StreamsConfig { ApplicationId = "join-restart", StateDir = _stateDir };
        using (var first = new TopologyTestDriver(topology, config))
        {
            first.CreateInputTopic("left", Serdes.String(), Serdes.String()).PipeInput("a", "L", 100);
            Assert.Empty(first.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll());
        }

        using var second = new TopologyTestDriver(topology, config);
        second.CreateInputTopic("left", Serdes.String(), Serdes.String()).PipeInput("b", "L'", 105);
        var beforeClose = second.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll();
        second.CreateInputTopic("left", Serdes.String(), Serdes.String()).PipeInput("b", "L''", 111);

        Assert.Empty(beforeClose);
        Assert.Equal([("a", "L+null", 100L)], second.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll());
    }
}
