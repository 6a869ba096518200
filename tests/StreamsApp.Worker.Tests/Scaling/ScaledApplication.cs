using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Avro;
using StreamsApp.TestSupport;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Mission;
using StreamsApp.Worker.Embedded;

namespace StreamsApp.Worker.Tests.Scaling;

/// <summary>
/// One application scaled out: <c>streamsapp-kafka</c> and two worker processes with the same application id
/// (different HTTP ports and state directories; the first seeds the demo data), and a reader of the saga outcomes.
/// </summary>
internal sealed class ScaledApplication : IAsyncDisposable
{
    public const int Partitions = 2;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    // The scenarios POST /orders accepts (an invalid order is refused with 400), failures between good orders.
    private static readonly DemoScenario[] Scenarios =
    [
        DemoScenario.Completes, DemoScenario.UnknownProduct, DemoScenario.Completes, DemoScenario.InsufficientStock,
        DemoScenario.Completes, DemoScenario.InsufficientCredit, DemoScenario.Completes, DemoScenario.UnservableCountry,
    ];

    private readonly DemoOrders _orders = new(new Random(6));
    private readonly List<WorkerProcess> _workers = [];
    private readonly List<WorkerProcess> _retired = [];
    private int _placed;

    private ScaledApplication(ServerProcess server) => Server = server;

    public ServerProcess Server { get; }

    /// <summary>The workers' application id, new for each application.</summary>
    public string ApplicationId { get; } = $"scaling-{Guid.NewGuid():N}";

    /// <summary>The worker that seeded the demo customers, products and stock.</summary>
    public WorkerProcess Seeder => _workers[0];

    public WorkerProcess Other => _workers[1];

    public SagaOutcomeReader Outcomes { get; private set; } = null!;

    /// <summary>Every task of the mission's topology: each sub-topology on each partition.</summary>
    public static IReadOnlySet<string> AllTasks { get; } = MissionTopology.Build(new ContractSerdes(new InMemorySchemaRegistry()))
        .Describe().Subtopologies
        .SelectMany(s => Enumerable.Range(0, Partitions).Select(p => $"{s.Id}_{p}"))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The last output of each worker, for failure messages.</summary>
    public string Diagnostics => string.Join(Environment.NewLine, _workers.Select(w => w.Output));

    /// <summary>Starts the cluster server and both workers.</summary>
    /// <param name="cancellationToken">Stops waiting for the server.</param>
    /// <param name="realBroker">
    /// A real broker's bootstrap servers: the workers run on it under exactly-once, creating the mission's topics
    /// through Kafka's admin API; <c>streamsapp-kafka</c> then serves only the Schema Registry. Null: the workers run
    /// on <c>streamsapp-kafka</c>'s embedded cluster (at-least-once).
    /// </param>
    /// <param name="apiKeyFile">A file holding the API key both workers require (<c>--api-key-file</c>); null: none.</param>
    /// <param name="standbys">Standby replicas per stateful task (<c>Streams:NumStandbyReplicas</c>).</param>
    /// <param name="workerArgs">More arguments for both workers.</param>
    public static async Task<ScaledApplication> StartAsync(
        CancellationToken cancellationToken, string? realBroker = null, string? apiKeyFile = null, int standbys = 0, IReadOnlyList<string>? workerArgs = null)
    {
        var app = new ScaledApplication(await ServerProcess.StartAndReadAddressesAsync(cancellationToken));
        try
        {
            string[] cluster = realBroker is null
                ? [$"--bootstrap-servers={app.Server.BootstrapServers}", $"--topic-admin-url={app.Server.TopicAdminUrl}"]
                : [
                    $"--bootstrap-servers={realBroker}", "--create-topics=true", "--guarantee=ExactlyOnceV2",
                    // A killed worker's tasks move after its session timeout: librdkafka's 45 s would outlast the test.
                    "--Kafka:Properties:session.timeout.ms=6000", "--Kafka:Properties:heartbeat.interval.ms=500",
                ];
            string[] secured = apiKeyFile is null ? [] : [$"--api-key-file={apiKeyFile}"];
            string[] common =
            [
                $"--application-id={app.ApplicationId}", .. cluster, .. secured, $"--schema-registry-url={app.Server.SchemaRegistryUrl}",
                $"--partitions={Partitions}", "--demo-rate=0", "--Streams:CommitInterval=00:00:00.100",
                "--Console:ProgressInterval=00:00:00", $"--Streams:NumStandbyReplicas={standbys}",
                // Test pacing only: a takeover restores a dozen small changelogs, and each newly assigned one waits
                // for the restore consumer's fetch in flight (librdkafka's 500 ms long poll, kept for bulk restores).
                "--Kafka:Properties:fetch.wait.max.ms=100", .. workerArgs ?? [],
            ];
            var ports = FreePorts(2);
            app._workers.Add(WorkerProcess.Start("worker-a", ports[0], [.. common, "--demo=true"]));
            app._workers.Add(WorkerProcess.Start("worker-b", ports[1], [.. common, "--demo=false"]));
            if (apiKeyFile is not null)
            {
                var apiKey = (await File.ReadAllTextAsync(apiKeyFile, cancellationToken)).Trim();
                app._workers.ForEach(w => w.Client.DefaultRequestHeaders.Add("X-Api-Key", apiKey));
            }

            app.Outcomes = new SagaOutcomeReader(realBroker ?? app.Server.BootstrapServers, app.Server.SchemaRegistryUrl);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts <paramref name="worker"/> again after it was killed (<see cref="WorkerProcess.Restart"/>), in its place.</summary>
    public WorkerProcess Restart(WorkerProcess worker)
    {
        var restarted = worker.Restart();
        _workers[_workers.IndexOf(worker)] = restarted;
        _retired.Add(worker);
        return restarted;
    }

    /// <summary>Waits until both workers are ready and share the tasks: each runs some, none runs the same, together all.</summary>
    public async Task<(IReadOnlySet<string> Seeder, IReadOnlySet<string> Other)> WaitUntilSplitAsync(CancellationToken cancellationToken)
    {
        IReadOnlySet<string>? seeder = null, other = null;
        await Wait.UntilAsync(
            async () =>
            {
                seeder = await Seeder.ReadyTasksAsync(cancellationToken);
                other = await Other.ReadyTasksAsync(cancellationToken);
                return seeder is { Count: > 0 } && other is { Count: > 0 } && !seeder.Overlaps(other) && seeder.Union(other).ToHashSet().SetEquals(AllTasks);
            },
            Timeout,
            () => $"Tasks: {Format(seeder)} and {Format(other)} of {Format(AllTasks)}{Environment.NewLine}{Diagnostics}");
        return (seeder!, other!);
    }

    /// <summary>Waits until <paramref name="worker"/> is ready and runs every task.</summary>
    public async Task WaitUntilOwnsAllTasksAsync(WorkerProcess worker, CancellationToken cancellationToken)
    {
        IReadOnlySet<string>? tasks = null;
        await Wait.UntilAsync(
            async () => (tasks = await worker.ReadyTasksAsync(cancellationToken)) is { } ready && ready.SetEquals(AllTasks),
            Timeout,
            () => $"{worker.Name} runs {Format(tasks)} of {Format(AllTasks)}{Environment.NewLine}{Diagnostics}");
    }

    /// <summary>POSTs <paramref name="count"/> orders of the scenarios in turn, round-robin over <paramref name="via"/>; each must be accepted.</summary>
    public async Task<IReadOnlyList<PlacedOrder>> PlaceOrdersAsync(int count, CancellationToken cancellationToken, params WorkerProcess[] via)
    {
        var placed = new List<PlacedOrder>();
        for (var i = 0; i < count; i++, _placed++)
        {
            var scenario = Scenarios[_placed % Scenarios.Length];
            var order = _orders.Create(scenario, $"scale-{_placed:D3}-{Guid.NewGuid().ToString("N")[..6]}");
            var worker = via[i % via.Length];
            using var response = await worker.PostAsync("/orders", Body(order), cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{worker.Name} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            placed.Add(new PlacedOrder(order.OrderId, scenario));
        }

        return placed;
    }

    /// <summary>Waits until every order has a saga outcome, then checks each outcome is the one its scenario leads to.</summary>
    public async Task AssertOutcomesAsync(IEnumerable<PlacedOrder> orders)
    {
        var list = orders.ToList();
        try
        {
            await Outcomes.WaitForAllAsync(list.Select(o => o.OrderId), Timeout, () => Diagnostics);
        }
        catch (TimeoutException e)
        {
            // Where each order without an outcome stands: accepted by the intake or not, and its saga's state.
            var states = new List<string>();
            foreach (var order in list.Where(o => Outcomes.OutcomesOf(o.OrderId).Count == 0))
            {
                foreach (var path in new[] { $"/orders/{order.OrderId}/acceptance", $"/sagas/{order.OrderId}" })
                {
                    using var response = await Seeder.GetAsync(path);
                    states.Add($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }

            throw new TimeoutException(string.Join(Environment.NewLine, states.Prepend(e.Message)), e);
        }
        foreach (var order in list)
        {
            var expected = order.Scenario == DemoScenario.Completes ? typeof(SagaCompleted) : typeof(SagaFailed);
            // At-least-once: a takeover may repeat an outcome, never change it.
            Assert.All(Outcomes.OutcomesOf(order.OrderId), outcome => Assert.Equal(expected, outcome));
        }
    }

    /// <summary>
    /// Waits until each of <paramref name="workers"/> answers <c>GET /orders/{id}</c> for every order with the final
    /// status its scenario leads to, and returns the workers whose stores answered (a key another worker owns is
    /// forwarded to it).
    /// </summary>
    public async Task<IReadOnlySet<string>> AssertServedByEachAsync(
        IEnumerable<PlacedOrder> orders, CancellationToken cancellationToken, params WorkerProcess[] workers)
    {
        var servedBy = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (worker, order) in workers.SelectMany(w => orders.Select(o => (w, o))))
        {
            var expected = order.Scenario == DemoScenario.Completes ? "COMPLETED" : "FAILED";
            var seen = "";
            await Wait.UntilAsync(
                async () =>
                {
                    using var response = await worker.GetAsync($"/orders/{order.OrderId}", cancellationToken);
                    seen = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                    if (response.StatusCode != HttpStatusCode.OK
                        || JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("status").GetString() != expected)
                    {
                        return false;
                    }

                    servedBy.Add(response.Headers.GetValues("X-StreamsApp-Served-By").Single());
                    return true;
                },
                Timeout,
                () => $"{worker.Name} GET /orders/{order.OrderId} (expected {expected}): {seen}{Environment.NewLine}{Diagnostics}");
        }

        return servedBy;
    }

    public async ValueTask DisposeAsync()
    {
        if (Outcomes is not null)
        {
            await Outcomes.DisposeAsync();
        }

        foreach (var worker in _workers.Concat(_retired))
        {
            await worker.DisposeAsync();
        }

        Server.Dispose();
    }

    private static object Body(OrderCreated order) => new
    {
        orderId = order.OrderId,
        customerId = order.CustomerId,
        currency = order.Currency,
        items = order.Items.Select(i => new { productId = i.ProductId, quantity = i.Quantity, price = i.Price }),
        shippingAddress = new
        {
            recipient = order.ShippingAddress.Recipient,
            street = order.ShippingAddress.Street,
            city = order.ShippingAddress.City,
            postalCode = order.ShippingAddress.PostalCode,
            country = order.ShippingAddress.Country,
        },
    };

    // Ports picked up front, so each worker's Http:Url (and the application server derived from it) is its real address.
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static string Format(IReadOnlySet<string>? tasks) => tasks is null ? "(not ready)" : $"[{string.Join(' ', tasks.Order(StringComparer.Ordinal))}]";
}

/// <summary>An order the test placed and the scenario it shows.</summary>
internal sealed record PlacedOrder(string OrderId, DemoScenario Scenario);
