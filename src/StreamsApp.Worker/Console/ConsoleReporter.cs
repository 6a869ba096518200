using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Hosting;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;
using StreamsApp.Worker.Operations.Metrics;

namespace StreamsApp.Worker.Console;

/// <summary>Prints the banner once the host has started, then a one-line progress summary at the configured interval.</summary>
internal sealed class ConsoleReporter(
    IOptions<WorkerOptions> options, KafkaConnection connection, IKafkaStreamsInstance instance,
    IServer server, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var worker = options.Value;
        var baseUrl = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? worker.Http.Url;
        System.Console.WriteLine(StartupBanner.Text(worker, connection.BootstrapServers, instance.ProcessingGuarantee, instance.ApplicationServer ?? "none", baseUrl.TrimEnd('/')));
        if (worker.Console.ProgressInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(worker.Console.ProgressInterval);
        var lastRecords = ProcessedRecords();
        var lastTime = Stopwatch.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var records = ProcessedRecords();
                var seconds = Stopwatch.GetElapsedTime(lastTime).TotalSeconds;
                System.Console.WriteLine(ProgressLine.Format(
                    instance.State, (records - lastRecords) / seconds, records, ConsumerLag(), SagaStates.Read(instance.Streams)));
                (lastRecords, lastTime) = (records, Stopwatch.GetTimestamp());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    // The threads' counts: a task's go with it when it moves, which would make the rate dip below zero.
    private double ProcessedRecords() =>
        instance.Metrics?.Find("process-total").Where(s => s.Name.Group == "stream-thread-metrics").Sum(s => s.Sum) ?? 0;

    /// <summary>The records the instance's consumers have yet to read, over all their partitions.</summary>
    private double ConsumerLag() => instance.Metrics?.ReadGauges().Where(g => g.Name.Name == "records-lag").Sum(g => g.Value) ?? 0;
}
