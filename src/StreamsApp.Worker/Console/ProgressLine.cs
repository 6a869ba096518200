using System.Globalization;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Console;

/// <summary>The periodic one-line summary.</summary>
internal static class ProgressLine
{
    /// <param name="state">The instance's state.</param>
    /// <param name="recordsPerSecond">Records processed per second since the last line.</param>
    /// <param name="records">Records processed so far.</param>
    /// <param name="lag">Records the instance's consumers have yet to read.</param>
    /// <param name="sagas">Saga outcomes.</param>
    /// <param name="states">Sagas per state this instance hosts (non-zero ones are shown); null when unreadable.</param>
    public static string Format(
        KafkaStreamsState state, double recordsPerSecond, double records, double lag, SagaOutcomes sagas, IReadOnlyDictionary<string, long>? states)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"[{DateTime.Now:HH:mm:ss}] {state,-11} {recordsPerSecond,8:F1} records/s  {records,10:F0} processed  lag {lag:F0}  sagas: {sagas.Completed} completed, {sagas.Failed} failed, {sagas.TimedOut} timed out");
        var inState = states?.Where(s => s.Value != 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}={s.Value}")).ToList();
        return inState is { Count: > 0 } ? $"{line}; by state: {string.Join(' ', inState)}" : line;
    }
}
