using System.Net;
using System.Text.Json;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using StreamsApp.Contracts.Saga;
using StreamsApp.TestSupport;
using StreamsApp.Topologies.Mission;

namespace StreamsApp.Worker.Tests.Scaling;

/// <summary>
/// Opt-in, on a real broker (<see cref="RealKafkaFactAttribute"/>): the whole mission on two worker processes under
/// exactly-once, one killed with SIGKILL while orders are still arriving. Every order placed gets exactly one saga
/// outcome, read with read_committed, and its order view (the projection) shows that outcome. The test deletes and
/// recreates the mission's topics (<c>orders.events</c>, <c>saga.events</c>, ...), so it needs a broker of its own:
/// records of an earlier run carry schema ids of an earlier, in-memory Schema Registry.
/// </summary>
public sealed class RealBrokerMissionTests
{
    [RealKafkaFact]
    public async Task Every_order_gets_exactly_one_outcome_and_its_view_agrees_when_a_worker_is_killed_under_exactly_once()
    {
        var bootstrap = RealKafkaFactAttribute.BootstrapServers!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await DeleteMissionTopicsAsync(bootstrap);
        await using var app = await ScaledApplication.StartAsync(timeout.Token, bootstrap);
        var (survivor, victim) = (app.Seeder, app.Other);
        await app.WaitUntilSplitAsync(timeout.Token);

        var before = await app.PlaceOrdersAsync(16, timeout.Token, survivor, victim);
        // Orders still arriving through both workers while one is killed: their sagas are mid-way on its tasks.
        var placing = app.PlaceOrdersAsync(16, timeout.Token, survivor);
        await victim.KillAsync(timeout.Token);
        var during = await placing;
        await app.WaitUntilOwnsAllTasksAsync(survivor, timeout.Token);
        var after = await app.PlaceOrdersAsync(8, timeout.Token, survivor);

        PlacedOrder[] all = [.. before, .. during, .. after];
        await app.Outcomes.WaitForAllAsync(all.Select(o => o.OrderId), TimeSpan.FromMinutes(2), () => app.Diagnostics);
        foreach (var order in all)
        {
            var outcome = Assert.Single(app.Outcomes.OutcomesOf(order.OrderId));
            await AssertViewShowsAsync(survivor, order.OrderId, outcome == typeof(SagaCompleted) ? "COMPLETED" : "FAILED", app, timeout.Token);
        }
    }

    /// <summary>Waits until the order's view has the status its saga's outcome leads to.</summary>
    private static async Task AssertViewShowsAsync(WorkerProcess worker, string orderId, string expected, ScaledApplication app, CancellationToken cancellationToken)
    {
        var seen = "";
        await Wait.UntilAsync(
            async () =>
            {
                using var response = await worker.GetAsync($"/orders/{orderId}", cancellationToken);
                seen = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                return response.StatusCode == HttpStatusCode.OK
                    && JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("status").GetString() == expected;
            },
            ScaledApplication.Timeout,
            () => $"GET /orders/{orderId} (its saga's outcome leads to {expected}): {seen}{Environment.NewLine}{app.Diagnostics}");
    }

    /// <summary>Deletes the mission's topics and their dead-letter topics where they exist, and waits until they are gone.</summary>
    private static async Task DeleteMissionTopicsAsync(string bootstrap)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var mission = MissionTopics.Definitions(1).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var existing = admin.GetMetadata(TimeSpan.FromSeconds(30)).Topics
            .Select(t => t.Topic)
            .Where(t => mission.Contains(t) || mission.Any(m => t == m + ".DLT"))
            .ToList();
        if (existing.Count == 0)
        {
            return;
        }

        await admin.DeleteTopicsAsync(existing);
        await Wait.UntilAsync(
            () => Task.FromResult(!admin.GetMetadata(TimeSpan.FromSeconds(30)).Topics.Any(t => existing.Contains(t.Topic))),
            TimeSpan.FromSeconds(60),
            () => "The mission's topics were not deleted");
    }
}
