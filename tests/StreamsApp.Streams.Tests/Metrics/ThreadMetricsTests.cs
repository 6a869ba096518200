using System.Diagnostics;
using StreamsApp.Streams.Metrics;

namespace StreamsApp.Streams.Tests.Metrics;

public sealed class ThreadMetricsTests
{
    [Fact]
    public void A_poll_records_its_latency_and_its_records()
    {
        var registry = new StreamsMetrics();
        var metrics = new ThreadMetrics(registry, "t-1");

        metrics.RecordPoll(Stopwatch.GetTimestamp() - Stopwatch.Frequency / 1000, 7);
        metrics.RecordPoll(Stopwatch.GetTimestamp(), 0);

        Assert.Equal(2, metrics.PollLatency.Count);
        Assert.True(metrics.PollLatency.Max >= 1000, "a poll that began 1 ms ago took at least 1000 µs");
        Assert.Equal(7, metrics.PollRecords.Sum);
        Assert.Equal(7, metrics.PollRecords.Max);
        Assert.Equal("t-1", metrics.PollLatency.Name.Tag("thread-id"));
        Assert.Equal("stream-thread-metrics", metrics.PollLatency.Name.Group);
    }

    [Fact]
    public void A_process_phase_records_its_latency_per_record_and_nothing_when_idle()
    {
        var metrics = new ThreadMetrics(new StreamsMetrics(), "t-1");
        var start = Stopwatch.GetTimestamp() - Stopwatch.Frequency / 100;

        metrics.RecordProcess(start, 0);
        Assert.Equal(0, metrics.ProcessLatency.Count);

        metrics.RecordProcess(start, 10);
        var perRecord = metrics.ProcessLatency.Sum;
        Assert.Equal(1, metrics.ProcessLatency.Count);
        Assert.Equal(10, metrics.Processed.Sum);
        Assert.InRange(perRecord, 1000, Stopwatch.GetElapsedTime(start).TotalMicroseconds / 10);
    }

    [Fact]
    public void A_commit_records_its_latency()
    {
        var metrics = new ThreadMetrics(new StreamsMetrics(), "t-1");

        metrics.RecordCommit(Stopwatch.GetTimestamp() - Stopwatch.Frequency / 500);

        Assert.Equal(1, metrics.CommitLatency.Count);
        Assert.True(metrics.CommitLatency.Sum >= 2000);
    }
}
