namespace StreamsApp.Worker.Tests.Scaling;

/// <summary>
/// Two worker processes of one application on one <c>streamsapp-kafka</c> cluster: both run part of the work and take
/// orders; when one stops (cleanly or killed) the other takes over its tasks and state and no order is lost. Killed,
/// it had standby replicas: the survivor keeps a standby of each of its stateful tasks before the kill, and answers
/// the dead worker's keys from them, marked stale, until it runs its tasks.
/// </summary>
public sealed class ScalingTests
{
    [Fact]
    public Task A_worker_stopped_with_SIGTERM_hands_its_tasks_to_the_survivor_and_no_order_is_lost() =>
        StopOneWorkerAsync((worker, cancellationToken) => worker.TerminateAsync(cancellationToken));

    [Fact]
    public Task A_killed_worker_s_tasks_move_to_the_survivor_from_its_standbys_and_no_order_is_lost() =>
        StopOneWorkerAsync((worker, cancellationToken) => worker.KillAsync(cancellationToken), standbys: 1);

    private static async Task StopOneWorkerAsync(Func<WorkerProcess, CancellationToken, Task> stop, int standbys = 0)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using var app = await ScaledApplication.StartAsync(timeout.Token, standbys: standbys);
        var (survivor, leaving) = (app.Seeder, app.Other);

        // Both run part of the application, and either takes orders.
        var (_, leavingTasks) = await app.WaitUntilSplitAsync(timeout.Token);
        if (standbys > 0)
        {
            // Every task of the leaving worker that has state (a changelog) has its standby on the survivor.
            await Wait.UntilAsync(
                async () => await survivor.ReadyTasksAsync(timeout.Token, standbys: true) is { Count: > 0 } kept && kept.IsSubsetOf(leavingTasks),
                TimeSpan.FromSeconds(60));
        }

        var before = await app.PlaceOrdersAsync(12, timeout.Token, survivor, leaving);
        await app.AssertOutcomesAsync(before);
        // Each worker answers every order's view, its own keys from its stores and the other's by forwarding.
        var servedBy = await app.AssertServedByEachAsync(before, timeout.Token, survivor, leaving);
        Assert.True(servedBy.SetEquals([survivor.Address, leaving.Address]), $"Answers came from {string.Join(", ", servedBy)} only");

        // An order whose view the leaving worker's stores hold.
        var theirs = await OrderServedByAsync(before, survivor, leaving.Address, timeout.Token);

        // Published through the leaving worker just before it stops: their sagas finish wherever the tasks go.
        var inFlight = await app.PlaceOrdersAsync(6, timeout.Token, leaving);
        await stop(leaving, timeout.Token);
        if (standbys > 0)
        {
            // Until the survivor runs the killed worker's tasks, it answers their keys from its own standbys, marked stale.
            var stale = 0;
            while (await survivor.ReadyTasksAsync(timeout.Token) is not { } tasks || !leavingTasks.IsSubsetOf(tasks))
            {
                using var response = await survivor.GetAsync($"/orders/{theirs.OrderId}", timeout.Token);
                stale += response.StatusCode == System.Net.HttpStatusCode.OK && response.Headers.TryGetValues("X-StreamsApp-Stale", out var marks)
                    && marks.Single() == "true" && response.Headers.GetValues("X-StreamsApp-Served-By").Single() == survivor.Address ? 1 : 0;
            }

            Assert.True(stale > 0, $"no stale answer for {theirs.OrderId} while its owner was dead{Environment.NewLine}{survivor.Output}");
        }

        await app.WaitUntilOwnsAllTasksAsync(survivor, timeout.Token);
        var after = await app.PlaceOrdersAsync(4, timeout.Token, survivor);
        PlacedOrder[] all = [.. before, .. inFlight, .. after];
        await app.AssertOutcomesAsync(all);
        // The survivor's own stores now hold every order's view, the ones the leaving worker had built included.
        Assert.Equal([survivor.Address], await app.AssertServedByEachAsync(all, timeout.Token, survivor));
    }

    private static async Task<PlacedOrder> OrderServedByAsync(IEnumerable<PlacedOrder> orders, WorkerProcess via, string owner, CancellationToken cancellationToken)
    {
        foreach (var order in orders)
        {
            using var response = await via.GetAsync($"/orders/{order.OrderId}", cancellationToken);
            if (response.Headers.TryGetValues("X-StreamsApp-Served-By", out var servedBy) && servedBy.Single() == owner)
            {
                return order;
            }
        }

        throw new InvalidOperationException($"no order's view is served by {owner}");
    }
}
