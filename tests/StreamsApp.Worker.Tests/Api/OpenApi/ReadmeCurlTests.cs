using System.Text.RegularExpressions;
using StreamsApp.Worker.Tests.Api.Queries;
using StreamsApp.Worker.Tests.Deployment;

namespace StreamsApp.Worker.Tests.Api.OpenApi;

/// <summary>README's <c>curl</c> examples against the worker's OpenAPI document: each asks for an operation it describes.</summary>
[Collection(QueryWorkerCollection.Name)]
public sealed partial class ReadmeCurlTests(QueryWorkerFixture fixture)
{
    // Where README's examples reach workers (the default Http:Url, and a second worker's in the scaling section).
    private static readonly string[] WorkerPorts = ["8080", "8090"];

    // README's other servers: the hosting package's example application.
    private static readonly string[] OtherPorts = ["5000"];

    [Fact]
    public async Task EveryCurlOfTheWorkerIsAnOperationWithItsQueryParameters()
    {
        var api = await ApiDocument.FetchAsync(fixture.Host.Client);
        var curls = Curls(RepositoryFiles.Text("README.md")).ToList();

        Assert.All(curls, curl => Assert.True(WorkerPorts.Contains(curl.Port) || OtherPorts.Contains(curl.Port), $"README's curl to an unknown port: {curl.Line}"));
        var ofTheWorker = curls.Where(curl => WorkerPorts.Contains(curl.Port) && curl.Path != ApiDocument.Path).ToList();
        Assert.NotEmpty(ofTheWorker);
        Assert.All(ofTheWorker, curl =>
        {
            var operation = api.Find(curl.Method, curl.Path);
            Assert.True(operation is not null, $"README's `{curl.Method} {curl.Path}` is no operation of the API description: {curl.Line}");
            Assert.All(curl.Query, name => Assert.True(
                operation.QueryParameters.Contains(name), $"{operation.Name} declares no query parameter '{name}', which README sends: {curl.Line}"));
        });
    }

    [Theory]
    [InlineData("curl localhost:8080/sagas/statistics   # {\"STARTED\":2}", "GET", "8080", "/sagas/statistics", "")]
    [InlineData("curl -s -X POST 'localhost:8080/orders?wait=10s' -H 'Content-Type: application/json' -d '{", "POST", "8080", "/orders", "wait")]
    [InlineData("curl -s \"localhost:8080/orders/<orderId>?minVersion=5&wait=5s\"   # the view", "GET", "8080", "/orders/<orderId>", "minVersion,wait")]
    [InlineData("curl 'localhost:8080/x?from=$(date -u -d '-1 day' +%FT%TZ)&to=now'", "GET", "8080", "/x", "from,to")]
    [InlineData("  -d '{}' | curl --data @- http://127.0.0.1:8090/dlt/t/replay", "POST", "8090", "/dlt/t/replay", "")]
    public void ACurlLineIsReadAsAShellWouldSendIt(string line, string method, string port, string path, string query)
    {
        var curl = Assert.Single(Curls(line));

        Assert.Equal((method, port, path), (curl.Method, curl.Port, curl.Path));
        Assert.Equal(query, string.Join(',', curl.Query));
    }

    /// <summary>Every curl command of <paramref name="text"/>, one a line (a continued command's first line names its URL).</summary>
    private static IEnumerable<Curl> Curls(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            // A command substitution is a value, such as a computed date; its own flags are not curl's.
            var command = CommandSubstitution().Replace(line, "x");
            if (CurlCommand().Match(command) is not { Success: true } curl)
            {
                continue;
            }

            var url = Url().Match(curl.Value);
            Assert.True(url.Success, $"A curl line without a localhost URL: {line}");
            var method = Method().Match(curl.Value) is { Success: true } explicitMethod ? explicitMethod.Groups[1].Value.ToUpperInvariant()
                : Data().IsMatch(curl.Value) ? "POST"
                : "GET";
            var query = url.Groups["query"].Value.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=')[0]);
            yield return new Curl(line.Trim(), method, url.Groups["port"].Value, url.Groups["path"].Value, [.. query]);
        }
    }

    private sealed record Curl(string Line, string Method, string Port, string Path, IReadOnlyList<string> Query);

    [GeneratedRegex(@"\$\([^()]*\)")]
    private static partial Regex CommandSubstitution();

    // From the word curl to the end of the command (a comment or a pipe ends it).
    [GeneratedRegex(@"(?<![\w-])curl\s[^#|]*")]
    private static partial Regex CurlCommand();

    [GeneratedRegex(@"(?:https?://)?(?:localhost|127\.0\.0\.1):(?<port>\d+)(?<path>/[^\s'""?]*)(?:\?(?<query>[^\s'""]*))?")]
    private static partial Regex Url();

    [GeneratedRegex(@"\s(?:-X|--request)\s*([A-Za-z]+)")]
    private static partial Regex Method();

    [GeneratedRegex(@"\s(?:-d|--data(?:-raw|-binary)?)[\s=]")]
    private static partial Regex Data();
}
