using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Runtime;

public sealed class PauseDetectorTests
{
    [Theory]
    [InlineData(null, null, 22_500)]
    [InlineData("6000", null, 3_000)]
    [InlineData("45000", "10000", 5_000)]
    [InlineData("not-a-number", "20000", 10_000)]
    public void The_threshold_is_half_the_shorter_of_session_timeout_and_poll_interval(string? session, string? poll, int expectedMs)
    {
        var config = new StreamsConfig { ApplicationId = "app", BootstrapServers = "localhost:9092" };
        if (session is not null)
        {
            config.KafkaProperties["session.timeout.ms"] = session;
        }

        if (poll is not null)
        {
            config.KafkaProperties["max.poll.interval.ms"] = poll;
        }

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), PauseDetector.ThresholdFor(config));
    }

    [Fact]
    public void A_gap_shorter_than_the_threshold_is_no_pause_a_long_one_is_and_restart_forgets_work()
    {
        long now = 1_000;
        var detector = new PauseDetector(TimeSpan.FromMilliseconds(200), () => now);
        now += 199;
        Assert.False(detector.Paused(out _));
        now += 300;
        Assert.True(detector.Paused(out var gap));
        Assert.Equal(TimeSpan.FromMilliseconds(300), gap);
        Assert.False(detector.Paused(out _));
        now += 500;
        detector.Restart();
        Assert.False(detector.Paused(out _));
    }
}
