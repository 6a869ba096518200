using System.Globalization;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Projections;

namespace StreamsApp.Worker.Console;

/// <summary>
/// The periodic one-line summary. Every field keeps its place from line to line, so that lines printed one under the
/// other read as columns: the outcomes (completed, failed, timed out), then the sagas in each state on the way there,
/// zeros included, in the order a saga reaches them (<see cref="InFlight"/>).
/// </summary>
internal static class ProgressLine
{
    /// <summary>
    /// The states a saga passes through before its outcome, in the order it reaches them: the steps, then compensation.
    /// With <see cref="SagaStatus.COMPLETED"/> and <see cref="SagaStatus.FAILED"/>, the outcomes, every state.
    /// </summary>
    public static IReadOnlyList<SagaStatus> InFlight { get; } =
        [SagaStatus.STARTED, SagaStatus.STOCK_RESERVED, SagaStatus.PAYMENT_DONE, SagaStatus.SHIPPED, SagaStatus.COMPENSATING];

    /// <param name="state">The instance's state.</param>
    /// <param name="recordsPerSecond">Records processed per second since the last line.</param>
    /// <param name="records">Records processed so far.</param>
    /// <param name="lag">Records the instance's consumers have yet to read.</param>
    /// <param name="sagas">The sagas this instance hosts (<see cref="Operations.Metrics.SagaStates"/>); null when unreadable.</param>
    public static string Format(KafkaStreamsState state, double recordsPerSecond, double records, double lag, SagaTotals? sagas)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"[{DateTime.Now:HH:mm:ss}] {state,-11} {recordsPerSecond,8:F1} records/s  {records,10:F0} processed  lag {lag:F0}");
        if (sagas is null)
        {
            return line;
        }

        var inFlight = string.Join(' ', InFlight.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s}={sagas[s]}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{line}  sagas: {sagas[SagaStatus.COMPLETED]} completed, {sagas[SagaStatus.FAILED]} failed, {sagas.TimedOut} timed out; in flight: {inFlight}");
    }
}
