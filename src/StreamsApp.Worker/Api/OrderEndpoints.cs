using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Topologies.Orders;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Api;

/// <summary><c>POST /orders</c>: validates an order, publishes its <c>OrderCreated</c> event and answers 202 Accepted (seed 003).</summary>
internal static partial class OrderEndpoints
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
            // Not e.Message: it names the .NET type a value did not convert to.
            return BadRequest(e.Path is { Length: > 1 } path
                ? $"The body is not a valid order: the value at {path} has the wrong type or is out of range"
                : $"The body is not a valid order: not an order's JSON object (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
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

        var orderId = string.IsNullOrWhiteSpace(body.OrderId) ? Guid.NewGuid().ToString() : body.OrderId.Trim();
        if (!OrderIdFormat().IsMatch(orderId))
        {
            return BadRequest(
                $"An order id is 1 to {MaxOrderIdLength} letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
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

    // A path segment as it is: no '/', no percent-escapes, no control characters, never '.' or '..'.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex OrderIdFormat();

    private static IResult BadRequest(string reason) =>
        Results.Problem(title: "Invalid order", detail: reason, statusCode: StatusCodes.Status400BadRequest);
}
