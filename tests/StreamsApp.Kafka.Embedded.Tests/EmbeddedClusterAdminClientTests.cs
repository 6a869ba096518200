using System.Net;
using System.Net.Sockets;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class EmbeddedClusterAdminClientTests
{
    [Fact]
    public async Task An_unreachable_admin_URL_is_named_in_the_error()
    {
        var url = new Uri($"http://127.0.0.1:{UnusedPort()}/admin");
        using var admin = new EmbeddedClusterAdminClient(url);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => admin.GetPartitionCountsAsync(["orders"]));

        Assert.Contains($"topic admin at {url}/ is unreachable", error.Message, StringComparison.Ordinal);
        Assert.Contains($"GET {url}/topics/orders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_URL_that_does_not_answer_times_out_naming_the_URL()
    {
        // Connections are queued by the kernel but never accepted, so the request gets no answer.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/admin");
        using var admin = new EmbeddedClusterAdminClient(url, TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => admin.CreateTopicsAsync([new("orders", 3)]));

        Assert.Contains($"topic admin at {url}/ did not answer POST {url}/topics within 0.3 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("ftp://127.0.0.1/admin")]
    public void Only_absolute_http_URLs_are_accepted(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => new EmbeddedClusterAdminClient(new Uri(url, UriKind.RelativeOrAbsolute)));

        Assert.Equal("adminUrl", error.ParamName);
    }

    [Fact]
    public void Exactly_once_is_unsupported_for_the_same_reason_as_on_the_in_process_cluster()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        using var inProcess = cluster.CreateTopicAdmin();
        using var remote = new EmbeddedClusterAdminClient(new Uri("http://127.0.0.1:8081/admin"));

        Assert.NotNull(remote.ExactlyOnceUnsupportedReason);
        Assert.Equal(inProcess.ExactlyOnceUnsupportedReason, remote.ExactlyOnceUnsupportedReason);
    }

    // A port that was free a moment ago: nothing listens on it.
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
