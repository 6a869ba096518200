using StreamsApp.TestSupport;

namespace StreamsApp.Worker.Tests.Hosting;

/// <summary>
/// A mistyped flag or key ends the worker at start with exit code 2, as every configuration error does, naming each
/// as it was given and the closest known one, rather than being ignored, one per line. Variables outside the worker's
/// sections (<c>STREAMSAPP_Other</c>) are not the worker's to judge, unless plainly meant as one of its settings.
/// </summary>
public sealed class UnknownSettingTests
{
    [Fact]
    public async Task An_unknown_flag_and_an_unknown_variable_end_the_worker_with_exit_code_2_suggesting_the_known_keys()
    {
        var environment = new Dictionary<string, string>
        {
            ["STREAMSAPP_Streams__CommitIntervall"] = "00:00:01", ["STREAMSAPP_Mission_SagaTimeout"] = "00:01:00", ["STREAMSAPP_Other__Anything"] = "1",
        };
        using var worker = DotnetProcess.Start("StreamsApp.Worker.dll", ["--kafka-mode=Embedded", "--http-url=http://127.0.0.1:0", "--gurantee=ExactlyOnceV2"], environment);
        var stdout = worker.StandardOutput.ReadToEndAsync();
        var stderr = worker.StandardError.ReadToEndAsync();
        await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var output = await stdout + await stderr;

        Assert.True(worker.ExitCode == 2, $"exit code {worker.ExitCode}:{Environment.NewLine}{output}");
        // One problem per line, under one heading.
        var lines = output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Contains("Invalid configuration:", lines);
        Assert.Contains("  - Unknown flag --gurantee: did you mean --guarantee?", lines);
        Assert.Contains("  - Unknown setting STREAMSAPP_Streams__CommitIntervall: did you mean STREAMSAPP_Streams__CommitInterval?", lines);
        Assert.Contains(
            "  - Unknown setting STREAMSAPP_Mission_SagaTimeout: did you mean STREAMSAPP_Mission__SagaTimeout? Two underscores part a section from its key", lines);
        Assert.DoesNotContain("STREAMSAPP_Other", output, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded cluster at", output, StringComparison.Ordinal);
    }
}
