namespace StreamsApp.Worker.Tests.Embedded;

/// <summary>
/// The worker's own embedded cluster is new at every start, so whatever an earlier run left in the state directory
/// has nothing to match: the worker starts with its application's state empty.
/// </summary>
public sealed class EmbeddedStateTests
{
    [Fact]
    public async Task An_embedded_worker_starts_with_the_state_of_an_earlier_run_deleted()
    {
        var stateDir = Directory.CreateTempSubdirectory("streamsapp-worker-state-").FullName;
        var leftover = Path.Combine(Directory.CreateDirectory(Path.Combine(stateDir, "streamsapp-orders", "2_0")).FullName, "000008.sst");
        await File.WriteAllTextAsync(leftover, "an earlier run's table file");
        try
        {
            await using var worker = await WorkerHost.StartAsync($"--state-dir={stateDir}");
            await worker.WaitUntilReadyAsync();

            Assert.False(File.Exists(leftover));
        }
        finally
        {
            Directory.Delete(stateDir, recursive: true);
        }
    }
}
