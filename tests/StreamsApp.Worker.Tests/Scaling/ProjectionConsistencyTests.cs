using System.Globalization;
using System.Net;
using System.Text.Json;
using StreamsApp.Topologies.Participants.Inventory;
using StreamsApp.Topologies.Participants.Payments;
using StreamsApp.Worker.Embedded;
using StreamsApp.Worker.Tests.Operations;

namespace StreamsApp.Worker.Tests.Scaling;

/// <summary>
/// Under at-least-once, a killed worker's tasks redo what followed their last commit, and a paused one's are taken
/// over while it still holds them. Two workers on the embedded cluster take orders while one is killed mid-stream,
/// twice: then every order has the outcome its scenario leads to, every count equals the orders placed, exactly, and
/// the participants' stock and credit are what the completed orders took.
/// Then one is paused past its session with orders in flight: what its producer had queued lands after the new
/// owner's writes (decision 0022), which may leave a view or an order's record at an earlier state, but no count may
/// go negative or exceed what it counts, and every saga is counted once.
/// </summary>
public sealed class ProjectionConsistencyTests
{
    [Fact]
    public async Task After_kills_every_count_is_exact_and_after_a_pause_none_exceeds_what_it_counts()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var token = timeout.Token;
        // A paused worker's tasks move after its session: librdkafka's 45 s would outlast the test.
        await using var app = await ScaledApplication.StartAsync(
            token, workerArgs: ["--Kafka:Properties:session.timeout.ms=6000", "--Kafka:Properties:heartbeat.interval.ms=500"]);
        await app.WaitUntilSplitAsync(token);
        List<PlacedOrder> placed = [];

        for (var round = 0; round < 2; round++)
        {
            // Orders in flight through both workers when one is killed: its tasks redo what they had not committed.
            placed.AddRange(await app.PlaceOrdersAsync(16, token, app.Seeder, app.Other));
            await app.Other.KillAsync(token);
            placed.AddRange(await app.PlaceOrdersAsync(8, token, app.Seeder));
            app.Restart(app.Other);
            await app.WaitUntilSplitAsync(token);
        }

        await app.AssertOutcomesAsync(placed);
        await app.AssertServedByEachAsync(placed, token, app.Seeder);
        var counts = await Counts.ReadAsync(app, placed, token);
        await counts.AssertExactAsync(app, token);

        // Paused past its session with orders in flight: the other worker takes its tasks over while it still holds them.
        var paused = app.Other;
        placed.AddRange(await app.PlaceOrdersAsync(8, token, app.Seeder, paused));
        await paused.PauseAsync(
            async () =>
            {
                await app.WaitUntilOwnsAllTasksAsync(app.Seeder, token);
                placed.AddRange(await app.PlaceOrdersAsync(8, token, app.Seeder));
            },
            token);
        await app.WaitUntilSplitAsync(token);
        await app.AssertOutcomesAsync(placed);
        counts = await Counts.ReadAsync(app, placed, token);
        await counts.AssertWithinAsync(app, token);
    }

    /// <summary>What the counts must be: from the orders placed, their scenarios, and their views' customers, totals and items.</summary>
    private sealed record Counts(List<PlacedOrder> Placed, List<JsonElement> Views)
    {
        private IReadOnlyList<JsonElement> Completing => [.. Views.Where(IsCompleting)];

        /// <summary>Every order's view (in any state), read once all are there.</summary>
        public static async Task<Counts> ReadAsync(ScaledApplication app, List<PlacedOrder> placed, CancellationToken token)
        {
            var views = new List<JsonElement>();
            foreach (var order in placed)
            {
                var seen = "";
                await Wait.UntilAsync(
                    async () =>
                    {
                        using var response = await app.Seeder.GetAsync($"/orders/{order.OrderId}", token);
                        seen = await response.Content.ReadAsStringAsync(token);
                        return response.StatusCode == HttpStatusCode.OK;
                    },
                    ScaledApplication.Timeout,
                    () => $"GET /orders/{order.OrderId}: {seen}");
                views.Add(JsonDocument.Parse(seen).RootElement.Clone());
            }

            return new Counts([.. placed], views);
        }

        /// <summary>Every customer's summary, every product's sales and the saga gauges equal what was placed.</summary>
        public async Task AssertExactAsync(ScaledApplication app, CancellationToken token)
        {
            foreach (var customer in Views.GroupBy(Customer))
            {
                var summary = await SummaryAsync(app, customer.Key, token);
                var completed = customer.Where(IsCompleting).ToList();
                Assert.Equal((customer.Count(), completed.Count, customer.Count() - completed.Count, completed.Sum(Total)), summary);
            }

            foreach (var product in SoldProducts())
            {
                await SalesAsync(app, product.Key, counted => counted == (product.Select(line => line.Order).Distinct().Count(), product.Sum(line => line.Units)), token);
            }

            await SagasAsync(
                app,
                (sagas, outcomes) =>
                    sagas.GetValueOrDefault("COMPLETED") == Completing.Count && sagas.GetValueOrDefault("FAILED") == Placed.Count - Completing.Count
                    && sagas.Values.Sum() == Placed.Count
                    && outcomes.GetValueOrDefault("completed") == Completing.Count && outcomes.GetValueOrDefault("failed") == Placed.Count - Completing.Count,
                token);

            // What the participants have left (decision 0029): a failed order holds nothing, whether refused, released or
            // refunded, so each product lacks what completed orders took and each customer's credit used is what they paid.
            var sold = SoldProducts().ToDictionary(product => product.Key, product => product.Sum(line => line.Units));
            foreach (var (product, _, _, _) in DemoCatalog.StockedProducts)
            {
                await StoreNumberAsync(app, InventoryTopology.AvailableStore, product, DemoCatalog.AmpleStock - sold.GetValueOrDefault(product), token);
            }

            foreach (var customer in Views.GroupBy(Customer))
            {
                await StoreNumberAsync(app, PaymentTopology.SpentStore, customer.Key, customer.Where(IsCompleting).Sum(Total), token);
            }
        }

        /// <summary>Every count is of orders or sagas that exist, none is negative, and each order and saga is counted once.</summary>
        public async Task AssertWithinAsync(ScaledApplication app, CancellationToken token)
        {
            foreach (var customer in Views.GroupBy(Customer))
            {
                var (placed, completed, failed, spent) = await SummaryAsync(app, customer.Key, token);
                var completing = customer.Where(IsCompleting).ToList();
                Assert.Equal(customer.Count(), placed);
                Assert.InRange(completed, 0, completing.Count);
                Assert.InRange(failed, 0, customer.Count() - completing.Count);
                Assert.InRange(spent, 0m, completing.Sum(Total));
            }

            foreach (var product in SoldProducts())
            {
                await SalesAsync(app, product.Key, _ => true, token);
            }

            await SagasAsync(
                app,
                (sagas, outcomes) =>
                    sagas.Values.Sum() == Placed.Count
                    && sagas.GetValueOrDefault("COMPLETED") <= Completing.Count && sagas.GetValueOrDefault("FAILED") <= Placed.Count - Completing.Count
                    && outcomes.GetValueOrDefault("completed") <= Completing.Count && outcomes.GetValueOrDefault("failed") <= Placed.Count - Completing.Count,
                token);
        }

        private bool IsCompleting(JsonElement view) =>
            Placed.Single(order => order.OrderId == view.GetProperty("orderId").GetString()).Scenario == DemoScenario.Completes;

        private static string Customer(JsonElement view) => view.GetProperty("customerId").GetString()!;

        private static decimal Total(JsonElement view) => view.GetProperty("totalAmount").GetDecimal();

        private IEnumerable<IGrouping<string, (string Product, string Order, long Units)>> SoldProducts() =>
            Completing.SelectMany(view => view.GetProperty("items").EnumerateArray()
                    .Select(item => (Product: item.GetProperty("productId").GetString()!, Order: view.GetProperty("orderId").GetString()!, Units: item.GetProperty("quantity").GetInt64())))
                .GroupBy(line => line.Product);

        private static async Task<(long Placed, long Completed, long Failed, decimal Spent)> SummaryAsync(ScaledApplication app, string customerId, CancellationToken token)
        {
            using var response = await app.Seeder.GetAsync($"/customers/{customerId}", token);
            var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync(token)).RootElement;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (summary.GetProperty("ordersPlaced").GetInt64(), summary.GetProperty("ordersCompleted").GetInt64(),
                summary.GetProperty("ordersFailed").GetInt64(), summary.GetProperty("totalSpent").GetDecimal());
        }

        /// <summary>Waits until <paramref name="settled"/> holds for a product's (orders, units) sold; never more orders than completed.</summary>
        private async Task SalesAsync(ScaledApplication app, string productId, Func<(long Orders, long Units), bool> settled, CancellationToken token)
        {
            var completed = SoldProducts().Single(product => product.Key == productId).Select(line => line.Order).Distinct().Count();
            var range = $"from={Time(-2)}&to={Time(1)}";
            var seen = "";
            // A completion's sale reaches its product's partition through a repartition topic, after the view.
            await Wait.UntilAsync(
                async () =>
                {
                    using var response = await app.Seeder.GetAsync($"/products/{productId}/sales?{range}", token);
                    var windows = JsonDocument.Parse(seen = await response.Content.ReadAsStringAsync(token)).RootElement.GetProperty("items").EnumerateArray().ToList();
                    var counted = (windows.Sum(w => w.GetProperty("orderCount").GetInt64()), windows.Sum(w => w.GetProperty("unitsSold").GetInt64()));
                    Assert.True(counted.Item1 <= completed, $"{productId} counts more orders than the {completed} completed: {seen}");
                    return settled(counted);
                },
                ScaledApplication.Timeout,
                () => $"{productId}: {seen}");
        }

        /// <summary>
        /// Waits until a participant's store holds <paramref name="expected"/> for the key (no entry reads as 0): a release
        /// line reaches its product's task after the order's saga has failed.
        /// </summary>
        private static async Task StoreNumberAsync(ScaledApplication app, string store, string key, decimal expected, CancellationToken token)
        {
            var seen = "";
            await Wait.UntilAsync(
                async () =>
                {
                    using var response = await app.Seeder.GetAsync($"/stores/{store}/keys/{key}", token);
                    seen = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}";
                    return response.StatusCode == HttpStatusCode.NotFound
                        ? expected == 0
                        : response.StatusCode == HttpStatusCode.OK && decimal.Parse(await response.Content.ReadAsStringAsync(token), CultureInfo.InvariantCulture) == expected;
                },
                ScaledApplication.Timeout,
                () => $"{store}/{key} is not {expected}: {seen}");
        }

        private static string Time(int hours) => Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(hours).ToString("O", CultureInfo.InvariantCulture));

        /// <summary>Waits until <paramref name="settled"/> holds for the workers' saga gauges summed (by state, by outcome); none may be negative.</summary>
        private static async Task SagasAsync(
            ScaledApplication app, Func<Dictionary<string, double>, Dictionary<string, double>, bool> settled, CancellationToken token)
        {
            var seen = "";
            await Wait.UntilAsync(
                async () =>
                {
                    var samples = new List<(string Name, string Label, double Value)>();
                    foreach (var worker in new[] { app.Seeder, app.Other })
                    {
                        using var response = await worker.GetAsync("/metrics", token);
                        samples.AddRange(Samples(await response.Content.ReadAsStringAsync(token)));
                    }

                    var sagas = Sum(samples, "streamsapp_sagas");
                    var outcomes = Sum(samples, "streamsapp_saga_outcomes");
                    seen = string.Join(", ", sagas.Concat(outcomes).Select(e => $"{e.Key}={e.Value}"));
                    Assert.All(sagas.Values.Concat(outcomes.Values), value => Assert.True(value >= 0, seen));
                    return settled(sagas, outcomes);
                },
                ScaledApplication.Timeout,
                () => $"the workers report {seen}");
        }

        private static Dictionary<string, double> Sum(List<(string Name, string Label, double Value)> samples, string name) =>
            samples.Where(s => s.Name == name).GroupBy(s => s.Label).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));

        // streamsapp_sagas{otel_scope_name="StreamsApp.Worker",state="COMPLETED"} 3 → (streamsapp_sagas, COMPLETED, 3).
        private static IEnumerable<(string Name, string Label, double Value)> Samples(string text) =>
            PrometheusText.Parse(text)
                .Where(s => s.Name is "streamsapp_sagas" or "streamsapp_saga_outcomes")
                .Select(s => (s.Name, s.Label("state") ?? s.Label("outcome")!, s.Value));
    }
}
