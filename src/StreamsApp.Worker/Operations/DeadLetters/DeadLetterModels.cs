using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Worker.Operations.DeadLetters;

/// <summary>
/// A dead-letter topic: its name, the topic whose records it holds (null when no such topic exists, as for
/// <c>saga.DLT</c>, which holds sagas stuck compensating), its partitions and records.
/// </summary>
internal sealed record DeadLetterTopic(string Topic, string? SourceTopic, int Partitions, long Records);

/// <summary>Where a page of a DLT starts: a partition, and an offset in it (the partitions after it start at their beginning).</summary>
internal sealed record DeadLetterCursor(int Partition, long Offset)
{
    /// <summary>The cursor of <c>partition:offset</c>; the start when empty; false when it is neither.</summary>
    public static bool TryParse(string? text, out DeadLetterCursor cursor)
    {
        cursor = new DeadLetterCursor(0, 0);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var parts = text.Split(':');
        if (parts is [var p, var o] && int.TryParse(p, out var partition) && long.TryParse(o, out var offset) && partition >= 0 && offset >= 0)
        {
            cursor = new DeadLetterCursor(partition, offset);
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Partition}:{Offset}";
}

/// <summary>A page of a DLT and the cursor of the next one (null at the end).</summary>
internal sealed record DeadLetterPage(IReadOnlyList<DeadLetterEntry> Items, DeadLetterCursor? Next);

/// <summary>
/// Which DLT records a replay republishes: of one partition or all, within an offset range (inclusive), of one
/// exception class (the full name, or its last part, as <c>InvalidOrderException</c>) or any.
/// </summary>
internal sealed record ReplayFilter(int? Partition = null, long? FromOffset = null, long? ToOffset = null, string? ErrorClass = null)
{
    /// <summary>Whether a record with <paramref name="headers"/> is of the chosen exception class.</summary>
    public bool Matches(Headers? headers)
    {
        if (ErrorClass is null)
        {
            return true;
        }

        var exception = headers is not null && headers.TryGetLastBytes(DeadLetterHeaders.ExceptionClass, out var bytes) && bytes is not null
            ? Encoding.UTF8.GetString(bytes)
            : "";
        return exception == ErrorClass || exception.EndsWith("." + ErrorClass, StringComparison.Ordinal);
    }
}

/// <summary>A record a replay republished: its DLT partition and offset, and where it went.</summary>
internal sealed record ReplayedRecord(int Partition, long Offset, string To, int ToPartition);

/// <summary>What a replay did: records republished, and those skipped because an earlier replay had republished them.</summary>
internal sealed record ReplayResult(int Replayed, int ReplayedBefore, IReadOnlyList<ReplayedRecord> Items);

/// <summary><c>GET /dlt</c>'s answer: the dead-letter topics.</summary>
internal sealed record DeadLetterTopicList(IReadOnlyList<DeadLetterTopic> Items);

/// <summary><c>GET /dlt/{topic}</c>'s answer: a page of records, and the <c>from</c> of the next page (null at the end).</summary>
internal sealed record DeadLetterRecords(IReadOnlyList<DeadLetterEntry> Items, string? Next)
{
    /// <summary>The answer for <paramref name="page"/>.</summary>
    public static DeadLetterRecords Of(DeadLetterPage page) => new(page.Items, page.Next?.ToString());
}
