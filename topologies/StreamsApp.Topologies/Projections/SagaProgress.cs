using StreamsApp.Contracts.Saga;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// Orders saga states by how far a saga has come. The <see cref="SagaStatus"/> symbols are declared in the order a
/// saga reaches them on every path (STARTED → STOCK_RESERVED → PAYMENT_DONE → SHIPPED → COMPLETED, and from any of
/// the first three → COMPENSATING → FAILED), so a state change that is not further along than what a projection
/// already has is a redelivery (or the late-refund FAILED → FAILED) and moves nothing back.
/// </summary>
internal static class SagaProgress
{
    /// <summary>Whether <paramref name="next"/> is further along than <paramref name="current"/>.</summary>
    public static bool IsAfter(this SagaStatus next, SagaStatus current) => next > current;
}
