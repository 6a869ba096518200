using Confluent.Kafka;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>A client's repeated warnings reach the log once per window, with a count of those left out.</summary>
public sealed class KafkaLogForwarderTests
{
    [Fact]
    public void LinesThatDifferOnlyInNumbersAreForwardedOncePerWindowWithTheCountLeftOut()
    {
        var log = new ListLogger();
        var time = new SettableTime();
        var forwarder = new KafkaLogForwarder(log, TimeSpan.FromSeconds(30), time);

        for (var i = 0; i < 5; i++)
        {
            forwarder.Log(Line(SyslogLevel.Error, "FAIL", $"Connect failed: Connection refused (after {i}ms in state CONNECT)"));
        }

        forwarder.Log(Line(SyslogLevel.Warning, "REQTMOUT", "Timed out 1 in-flight request"));
        time.Now += TimeSpan.FromSeconds(31);
        forwarder.Log(Line(SyslogLevel.Error, "FAIL", "Connect failed: Connection refused (after 9ms in state CONNECT)"));

        Assert.Equal(
        [
            "[librdkafka FAIL] Connect failed: Connection refused (after 0ms in state CONNECT)",
            "[librdkafka REQTMOUT] Timed out 1 in-flight request",
            "[librdkafka FAIL] Connect failed: Connection refused (after 9ms in state CONNECT) (4 like it left out in the last 30 s)",
        ], log.Messages);
    }

    [Fact]
    public void DebugLinesAreNeverThrottled()
    {
        var log = new ListLogger();
        var forwarder = new KafkaLogForwarder(log);

        for (var i = 0; i < 3; i++)
        {
            forwarder.Log(Line(SyslogLevel.Debug, "OFFSETFETCH", "OffsetFetchResponse: t [0] offset 42"));
        }

        Assert.Equal(3, log.Messages.Count);
    }

    private static LogMessage Line(SyslogLevel level, string facility, string message) => new("rdkafka#consumer-1", level, facility, message);

    private sealed class SettableTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => Now;

        public override long GetTimestamp() => Now.UtcTicks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}
