using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Embedded;

/// <summary>Publishes demo orders at the configured rate while the demo is on and the rate is above zero.</summary>
internal sealed partial class DemoOrderGenerator(IOptions<WorkerOptions> options, OrderPublisher publisher, ILogger<DemoOrderGenerator> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var worker = options.Value;
        if (!worker.DemoEnabled || worker.Demo.OrdersPerSecond <= 0)
        {
            return;
        }

        var orders = new DemoOrders(new Random());
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / worker.Demo.OrdersPerSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var (scenario, order) = orders.Next();
                try
                {
                    await publisher.PublishAsync(order, stoppingToken).ConfigureAwait(false);
                    LogPublished(log, order.OrderId, scenario);
                }
                catch (Confluent.Kafka.KafkaException e)
                {
                    LogPublishFailed(log, order.OrderId, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo order {OrderId} published ({Scenario})")]
    private static partial void LogPublished(ILogger logger, string orderId, DemoScenario scenario);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo order {OrderId} not published: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string orderId, string reason);
}
