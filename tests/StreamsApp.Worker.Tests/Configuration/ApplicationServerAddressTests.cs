using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Configuration;

public sealed class ApplicationServerAddressTests
{
    [Theory]
    [InlineData("http://localhost:8080", "localhost:8080")]
    [InlineData("http://127.0.0.1:0", null)]
    [InlineData("not a url", null)]
    public void TheApplicationServerComesFromTheUrlUnlessItsPortIsZero(string url, string? expected)
    {
        Assert.Equal(expected, ApplicationServerAddress.FromUrl(url));
    }

    [Theory]
    [InlineData("http://+:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://[::]:8080")]
    public void AWildcardHostBecomesThisMachinesName(string url)
    {
        Assert.Equal($"{Environment.MachineName}:8080", ApplicationServerAddress.FromUrl(url));
    }

    [Fact]
    public void PortZeroResolvesToTheBoundAddressAndAConfiguredServerWins()
    {
        var bound = new[] { "http://127.0.0.1:43210" };

        Assert.Equal("127.0.0.1:43210", ApplicationServerAddress.Resolve(new HttpOptions { Url = "http://127.0.0.1:0" }, bound));
        Assert.Equal("w-1:9000", ApplicationServerAddress.Resolve(new HttpOptions { Url = "http://127.0.0.1:0", ApplicationServer = "w-1:9000" }, bound));
        Assert.Throws<InvalidOperationException>(() => ApplicationServerAddress.Resolve(new HttpOptions { Url = "http://127.0.0.1:0" }, []));
    }
}
