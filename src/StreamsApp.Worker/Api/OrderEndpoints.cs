using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Topologies.Orders;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Api;

/// <summary><c>POST /orders</c>: validates an order, publishes its <c>OrderCreated</c> event and answers 202 Accepted (seed 003).</summary>
internal static class OrderEndpoints
{
    private const int MaxOrderIdLength = 128;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/orders", PostOrderAsync);
        return endpoints;
    }

    private static async Task<IResult> PostOrderAsync(HttpRequest request, OrderPublisher publisher, TimeProvider time, CancellationToken cancellationToken)
    {
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
            return BadRequest($"The body is not a valid order: {e.Message}");
        }

        if (body is null)
        {
            return BadRequest("The body is empty");
        }

        if (body.FindMissingField() is { } missing)
        {
            return BadRequest($"The order has no {missing}");
        }

        var orderId = string.IsNullOrWhiteSpace(body.OrderId) ? Guid.NewGuid().ToString() : body.OrderId.Trim();
        if (orderId.Length > MaxOrderIdLength)
        {
            return BadRequest($"The order id is longer than {MaxOrderIdLength} characters");
        }

        var order = body.ToEvent(orderId, time.GetUtcNow());
        if (OrderRules.FindViolation(order) is { } violation)
        {
            return BadRequest(violation);
        }

        try
        {
            await publisher.PublishAsync(order, cancellationToken).ConfigureAwait(false);
        }
        catch (Confluent.Kafka.KafkaException e)
        {
            // The cluster, not the request, is at fault: the client may retry with the same order id.
            return Results.Problem(title: "Order not published", detail: e.Error.Reason, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Accepted($"/orders/{Uri.EscapeDataString(orderId)}", new { orderId });
    }

    private static IResult BadRequest(string reason) =>
        Results.Problem(title: "Invalid order", detail: reason, statusCode: StatusCodes.Status400BadRequest);
}
