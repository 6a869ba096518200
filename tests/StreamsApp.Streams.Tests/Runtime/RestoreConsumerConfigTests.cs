using Confluent.Kafka;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Runtime;

public sealed class RestoreConsumerConfigTests
{
    [Theory]
    [InlineData(ProcessingGuarantee.AtLeastOnce, IsolationLevel.ReadUncommitted)]
    [InlineData(ProcessingGuarantee.ExactlyOnceV2, IsolationLevel.ReadCommitted)]
    public void The_restore_consumer_commits_nothing_and_reads_committed_records_only_under_exactly_once(
        ProcessingGuarantee guarantee, IsolationLevel isolation)
    {
        var config = new StreamsConfig { ApplicationId = "app", BootstrapServers = "broker:9092", ProcessingGuarantee = guarantee };

        var consumer = RestoreConsumerConfig.Create(config, "app-thread-1-restore");

        Assert.Equal(isolation, consumer.IsolationLevel);
        Assert.False(consumer.EnableAutoCommit);
        Assert.Equal(AutoOffsetReset.Earliest, consumer.AutoOffsetReset);
        Assert.Equal("broker:9092", consumer.BootstrapServers);
        Assert.Equal("app-thread-1-restore", consumer.ClientId);
        Assert.NotEqual("app", consumer.GroupId);
        Assert.True(consumer.QueuedMinMessages >= 1_000_000);
    }
}
