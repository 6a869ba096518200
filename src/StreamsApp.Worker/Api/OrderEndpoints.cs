using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Hosting;
using StreamsApp.Topologies.Orders;
using StreamsApp.Topologies.Saga;
using StreamsApp.Worker.Api.Queries;
using StreamsApp.Worker.Hosting;
using static StreamsApp.Worker.Api.OpenApi.EndpointDocs;

namespace StreamsApp.Worker.Api;

/// <summary>
/// <c>POST /orders</c>: validates an order, publishes its <c>OrderCreated</c> event and answers 202 Accepted (seed 003).
/// A POST is idempotent by order id (issue 15): when the intake has accepted an order under the id already, the same
/// order again answers 202 with the same id and publishes nothing, and another order answers 409. The id is the
/// body's <c>orderId</c>, else one derived from the <c>Idempotency-Key</c> header, else a new one. The check asks the
/// worker owning the id; when none can answer, the order is published and the intake decides (it drops a resent
/// order and dead-letters a conflicting one). <c>GET /orders/{id}/acceptance</c> answers the check.
/// </summary>
internal static partial class OrderEndpoints
{
    private const int MaxOrderIdLength = 128;

    /// <summary>The header naming a request, so that a retried POST without an order id is recognised.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/orders", PostOrderAsync)
            .Documented(Tags.Orders, "PostOrder", "Validates an order and publishes it; with a wait, answers its saga's outcome")
            .AcceptsJson<OrderRequest>().WithWait("the saga's outcome")
            .WithHeader(IdempotencyKeyHeader, "Names the order when the body has no orderId: the same key gives the same order id")
            .Produces<OrderAccepted>(StatusCodes.Status202Accepted).Produces<OrderOutcome>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        endpoints.MapGet("/orders/{id}/acceptance", (string id, HttpContext context, StoreQueryRouter router) =>
            router.ByKeyAsync(context, OrderIntakeTopology.OrderIdStore, id, (streams, stale) =>
                OrderAcceptance.Read(streams, id, stale) is { } accepted
                    ? Results.Json(accepted, ContractJson.Options)
                    : QueryProblems.NotFound($"No order was accepted under id '{id}' (or it was forgotten after the intake's order-id TTL)")))
            .Documented(Tags.Orders, "GetOrderAcceptance", "What the intake accepted under an order id (the order's fingerprint)")
            .Produces<OrderAcceptance>().ProducesQueryProblems();
        return endpoints;
    }

    private static async Task<IResult> PostOrderAsync(
        HttpContext context, OrderPublisher publisher, StoreQueryRouter router, IKafkaStreamsInstance instance, SagaOutcomes outcomes, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        var (wait, waitError) = OrderWait.Read(request);
        if (waitError is not null)
        {
            return BadRequest(waitError);
        }

        if (!request.HasJsonContentType())
        {
            return BadRequest("The body must be JSON (Content-Type: application/json)");
        }

        OrderRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<OrderRequest>(request.Body, Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return BadRequest(JsonBodyError.Describe(e, typeof(OrderRequest), Json));
        }

        if (body is null)
        {
            return BadRequest("The body is empty");
        }

        if (body.FindMissingField() is { } missing)
        {
            return BadRequest($"The order has no {missing}");
        }

        if (body.FindInvalidAmount() is { } amount)
        {
            return BadRequest($"The order's {amount} is not an amount: at most {OrderRules.MaxAmount.ToString(CultureInfo.InvariantCulture)}, with at most 4 decimals");
        }

        var idempotencyKey = request.Headers[IdempotencyKeyHeader].ToString();
        var orderId = !string.IsNullOrWhiteSpace(body.OrderId) ? body.OrderId.Trim()
            : idempotencyKey.Length > 0 ? OrderAcceptance.OrderIdFor(idempotencyKey)
            : Guid.NewGuid().ToString();
        if (!OrderIdFormat().IsMatch(orderId))
        {
            return BadRequest(
                $"An order id is 1 to {MaxOrderIdLength} letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }

        var catalogue = ProductCatalogueReader.Open(instance);
        var (priced, unpriced) = body.WithCataloguePrices(catalogue);
        if (unpriced is not null)
        {
            return BadRequest(unpriced);
        }

        var order = priced!.ToEvent(orderId, time.GetUtcNow());
        if (OrderRules.FindViolation(order) is { } violation)
        {
            return BadRequest(violation);
        }

        // The intake checks again, for orders that do not come through this API, or a catalogue that changed since.
        if (catalogue is not null && CataloguePrices.FindMismatch(order, catalogue) is { } mispriced)
        {
            return BadRequest(mispriced);
        }

        var location = $"/orders/{Uri.EscapeDataString(orderId)}";
        if (await AcceptedBeforeAsync(context, router, orderId).ConfigureAwait(false) is { } before)
        {
            if (before.Fingerprint != OrderFingerprint.Of(order))
            {
                return Results.Problem(
                    title: "Order id in use",
                    detail: $"An order with other content was already accepted under id '{orderId}'; an order id names one order",
                    statusCode: StatusCodes.Status409Conflict);
            }

            if (wait is not { } again)
            {
                return Results.Accepted(location, new OrderAccepted(orderId));
            }

            // A retried POST: its saga may have finished already, which its state tells. Waiting starts first, so an
            // outcome that comes while the state is read is not missed.
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var waiting = outcomes.WaitAsync(orderId, again, stopWaiting.Token);
            if (await FinishedStateAsync(context, router, orderId).ConfigureAwait(false) is { } state)
            {
                await stopWaiting.CancelAsync().ConfigureAwait(false);
                return Results.Ok(OrderWait.Outcome(orderId, state.Status, state.Version, state.ShipmentId, state.FailureReason));
            }

            return await OutcomeOrAcceptedAsync(waiting, orderId, location).ConfigureAwait(false);
        }

        // Waiting starts before the order is published, so that its outcome cannot be read in between.
        var outcome = wait is { } waitFor ? outcomes.WaitAsync(orderId, waitFor, cancellationToken) : null;
        try
        {
            await publisher.PublishAsync(order, cancellationToken).ConfigureAwait(false);
        }
        catch (Confluent.Kafka.KafkaException e)
        {
            // The cluster, not the request, is at fault: the client may retry with the same order id.
            return Results.Problem(title: "Order not published", detail: e.Error.Reason, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return outcome is null ? Results.Accepted(location, new OrderAccepted(orderId)) : await OutcomeOrAcceptedAsync(outcome, orderId, location).ConfigureAwait(false);
    }

    /// <summary>200 with the saga's outcome when it came in time, else 202 as without a wait.</summary>
    private static async Task<IResult> OutcomeOrAcceptedAsync(Task<ISagaEvent?> outcome, string orderId, string location) =>
        await outcome.ConfigureAwait(false) switch
        {
            SagaCompleted completed => Results.Ok(OrderWait.Outcome(orderId, SagaStatus.COMPLETED, completed.SagaVersion, completed.ShipmentId, null)),
            SagaFailed failed => Results.Ok(OrderWait.Outcome(orderId, SagaStatus.FAILED, failed.SagaVersion, null, failed.Reason)),
            _ => Results.Accepted(location, new OrderAccepted(orderId)),
        };

    /// <summary>The saga's state when it has finished; null while it runs, or when its owner cannot tell now.</summary>
    private static async Task<SagaState?> FinishedStateAsync(HttpContext context, StoreQueryRouter router, string orderId)
    {
        var (state, _) = await router.LookupAsync(
            context, SagaStores.State, orderId, new PathString($"/sagas/{orderId}"),
            streams => QueryableStores.SagaState.Store(streams).Get(orderId)).ConfigureAwait(false);
        return state is { Status: SagaStatus.COMPLETED or SagaStatus.FAILED } ? state : null;
    }

    /// <summary>
    /// What the intake accepted under <paramref name="orderId"/>; null when nothing, or when no worker can tell now
    /// (not running the intake, rebalancing, unreachable): then the intake decides on the published event.
    /// </summary>
    private static async Task<OrderAcceptance?> AcceptedBeforeAsync(HttpContext context, StoreQueryRouter router, string orderId)
    {
        var (accepted, _) = await router.LookupAsync(
            context, OrderIntakeTopology.OrderIdStore, orderId, new PathString($"/orders/{orderId}/acceptance"),
            streams => OrderAcceptance.Read(streams, orderId)).ConfigureAwait(false);
        return accepted;
    }

    // A path segment as it is: no '/', no percent-escapes, no control characters, never '.' or '..'.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex OrderIdFormat();

    private static IResult BadRequest(string reason) =>
        Results.Problem(title: "Invalid order", detail: reason, statusCode: StatusCodes.Status400BadRequest);
}
