namespace StreamsApp.Worker.Api;

/// <summary><c>POST /orders</c>'s 202: the order's id (also in <c>Location</c>); its saga runs on.</summary>
/// <param name="OrderId">The order id.</param>
internal sealed record OrderAccepted(string OrderId);

/// <summary>
/// <c>POST /orders?wait=</c>'s 200: the saga's outcome. <paramref name="SagaVersion"/> is the version of the saga's
/// final state: <c>GET /orders/{id}?minVersion=</c> with it reads a view that shows the outcome.
/// </summary>
/// <param name="OrderId">The order id.</param>
/// <param name="Status"><c>COMPLETED</c> or <c>FAILED</c>.</param>
/// <param name="SagaVersion">The saga's version when it finished.</param>
/// <param name="ShipmentId">The shipment of a completed order.</param>
/// <param name="FailureReason">Why a failed order failed.</param>
internal sealed record OrderOutcome(string OrderId, string Status, long SagaVersion, string? ShipmentId, string? FailureReason);
