using System.Globalization;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Projections;

namespace StreamsApp.Worker.Console;

/// <summary>The periodic one-line summary.</summary>
internal static class ProgressLine
{
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

        // In the order sagas reach the states, whichever order the counts are stored in.
        var inState = Enum.GetValues<SagaStatus>().Where(s => sagas[s] != 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s}={sagas[s]}")).ToList();
        var outcomes = string.Create(
            CultureInfo.InvariantCulture,
            $"  sagas: {sagas[SagaStatus.COMPLETED]} completed, {sagas[SagaStatus.FAILED]} failed, {sagas.TimedOut} timed out");
        return inState.Count > 0 ? $"{line}{outcomes}; by state: {string.Join(' ', inState)}" : line + outcomes;
    }
}
