using System.Globalization;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Console;

/// <summary>The periodic one-line summary.</summary>
internal static class ProgressLine
{
    public static string Format(KafkaStreamsState state, double recordsPerSecond, double records, SagaOutcomes sagas) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"[{DateTime.Now:HH:mm:ss}] {state,-11} {recordsPerSecond,8:F1} records/s  {records,10:F0} processed  sagas: {sagas.Completed} completed, {sagas.Failed} failed, {sagas.TimedOut} timed out");
}
