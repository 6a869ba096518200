using Confluent.Kafka;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Runtime;

public sealed class InputPositionsTests
{
    [Fact]
    public void A_partition_starts_at_its_committed_offset()
    {
        Assert.Equal(new Offset(10_292), InputPositions.Resume(new Offset(10_292), new StreamsConfig()));
    }

    [Theory]
    [InlineData(null, -2)]
    [InlineData("earliest", -2)]
    [InlineData("latest", -1)]
    public void A_partition_with_no_committed_offset_follows_the_user_s_reset_policy(string? reset, long expected)
    {
        var config = new StreamsConfig();
        if (reset is not null)
        {
            config.KafkaProperties["auto.offset.reset"] = reset;
        }

        Assert.Equal(new Offset(expected), InputPositions.Resume(Offset.Unset, config));
    }
}
