using StreamsApp.Kafka.Embedded.Server;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class ServerArgumentsTests
{
    [Fact]
    public void Brokers_and_repeated_topics_become_cluster_options()
    {
        Assert.True(ServerArguments.TryParse(["--brokers", "3", "--topic", "orders:6", "--topic", "a.b-c_d:1"], out var parsed, out _));

        Assert.False(parsed.ShowHelp);
        Assert.Equal(3, parsed.Options.BrokerCount);
        Assert.Equal([("orders", 6), ("a.b-c_d", 1)], parsed.Options.Topics.Select(t => (t.Name, t.Partitions)));
    }

    [Fact]
    public void No_arguments_mean_one_broker_and_no_topics()
    {
        Assert.True(ServerArguments.TryParse([], out var parsed, out _));

        Assert.Equal(1, parsed.Options.BrokerCount);
        Assert.Empty(parsed.Options.Topics);
        Assert.Equal(8081, parsed.HttpPort);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("18081", 18081)]
    [InlineData("65535", 65535)]
    public void The_HTTP_port_is_read(string value, int port)
    {
        Assert.True(ServerArguments.TryParse(["--http-port", value], out var parsed, out _));

        Assert.Equal(port, parsed.HttpPort);
    }

    [Fact]
    public void Help_is_recognised()
    {
        Assert.True(ServerArguments.TryParse(["--help"], out var parsed, out _));

        Assert.True(parsed.ShowHelp);
        Assert.Contains("--http-port N", ServerArguments.Usage, StringComparison.Ordinal);
        Assert.Contains("topic.admin.url=", ServerArguments.Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "'--bogus'")]
    [InlineData(new[] { "--brokers" }, "--brokers needs a value")]
    [InlineData(new[] { "--brokers", "0" }, "--brokers")]
    [InlineData(new[] { "--brokers", "two" }, "--brokers")]
    [InlineData(new[] { "--http-port" }, "--http-port needs a value")]
    [InlineData(new[] { "--http-port", "65536" }, "--http-port")]
    [InlineData(new[] { "--http-port", "-1" }, "--http-port")]
    [InlineData(new[] { "--http-port", "http" }, "--http-port")]
    [InlineData(new[] { "--topic", "orders" }, "--topic")]
    [InlineData(new[] { "--topic", "orders:0" }, "--topic")]
    [InlineData(new[] { "--topic", "bad name:1" }, "--topic")]
    [InlineData(new[] { "--topic", "a:1", "--topic", "a:2" }, "--topic")]
    public void Bad_arguments_are_named_in_the_error(string[] args, string named)
    {
        Assert.False(ServerArguments.TryParse(args, out _, out var error));

        Assert.Contains(named, error, StringComparison.Ordinal);
    }
}
