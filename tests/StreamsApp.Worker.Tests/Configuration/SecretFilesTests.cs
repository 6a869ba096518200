using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Configuration;

/// <summary>Secrets kept in files reach the settings they hold; a file that cannot serve stops the start naming its key.</summary>
public sealed class SecretFilesTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    [Fact]
    public void TheApiKeyAndPeerSecretAreReadFromTheFirstLineOfTheirFiles()
    {
        var peerFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(_file, "key-from-file\nignored second line\n");
            File.WriteAllText(peerFile, "  a-peer-secret-of-24-chars  \n");

            var app = WorkerApp.Build(["--kafka-mode=Embedded", "--http-url=http://127.0.0.1:0", "--demo-rate=0", $"--api-key-file={_file}", $"--peer-secret-file={peerFile}"]);
            var http = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Http;

            Assert.Equal("key-from-file", http.ApiKey);
            Assert.Equal("a-peer-secret-of-24-chars", http.PeerSecret);
        }
        finally
        {
            File.Delete(peerFile);
        }
    }

    [Theory]
    [InlineData("", "--api-key=also", "Set Http:ApiKey or Http:ApiKeyFile, not both")]
    [InlineData("\n", "", "Http:ApiKeyFile: '")]
    public void AFileThatCannotServeNamesItsKey(string content, string flag, string message)
    {
        File.WriteAllText(_file, content.Length == 0 ? "key\n" : content);
        string[] flags = flag.Length == 0 ? [] : [flag];

        var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build(["--http-url=http://127.0.0.1:0", $"--api-key-file={_file}", .. flags]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileNamesItsKeyAndPath()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build([$"--peer-secret-file={missing}"]));

        Assert.Contains($"Http:PeerSecretFile: cannot read '{missing}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APeerSecretShorterThan16CharactersIsRefused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build(["--http-url=http://127.0.0.1:0", "--Http:PeerSecret=short"]));

        Assert.Contains("Http:PeerSecret must be at least 16 characters", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_file);
}
