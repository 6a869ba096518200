using System.Net.ServerSentEvents;
using Confluent.Kafka;
using Microsoft.AspNetCore.Http;
using StreamsApp.Streams.Hosting;
using StreamsApp.Worker.Operations.DeadLetters;

namespace StreamsApp.Worker.WebConsole;

/// <summary>
/// The web console's live feed, as Server-Sent Events: an <c>activity</c> event (<see cref="ConsoleFrame"/>) every
/// <see cref="Interval"/>, and a <c>deadletters</c> event (<c>{"items":[...]}</c>, as <c>GET /dlt</c>) at the start and
/// every <see cref="DeadLetterInterval"/>, which asks the cluster for watermarks and so is read less often.
/// </summary>
internal sealed class LiveFeed(ClusterActivityReader activity, DeadLetterTopics deadLetters, IKafkaStreamsInstance instance, TimeProvider time)
{
    /// <summary>Time between activity events.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Time between dead-letter events.</summary>
    public static readonly TimeSpan DeadLetterInterval = TimeSpan.FromSeconds(5);

    /// <summary>The events for one client, until it goes away (<see cref="HttpContext.RequestAborted"/>).</summary>
    public async IAsyncEnumerable<SseItem<object>> ReadAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var rates = new ActivityRates(SubtopologySources.Of(instance.Description));
        var deadLettersReadAt = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var now = time.GetUtcNow();
            yield return new SseItem<object>(rates.Next(await activity.ReadAsync(context).ConfigureAwait(false), now), "activity");
            if (now - deadLettersReadAt >= DeadLetterInterval && await ReadDeadLettersAsync(cancellationToken).ConfigureAwait(false) is { } topics)
            {
                deadLettersReadAt = now;
                yield return new SseItem<object>(new { items = topics }, "deadletters");
            }
        }
        while (await Tick(timer, cancellationToken).ConfigureAwait(false));
    }

    // Listing asks the cluster and blocks: off the request's thread. Null while the cluster cannot answer, or the client left.
    private async Task<IReadOnlyList<DeadLetterTopic>?> ReadDeadLettersAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(deadLetters.List, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KafkaException or OperationCanceledException)
        {
            return null;
        }
    }

    // A client that leaves ends the feed quietly rather than with an exception through the response.
    private static async ValueTask<bool> Tick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
