using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Topic partitions as a log line reads them: one entry per topic, its partitions as ranges
/// (<c>orders[0-2,5], payments[1]</c>). A thread assigned every partition of thirty topics logs one short line,
/// not librdkafka's <c>orders [[0]], orders [[1]], ...</c>. Formatted only when a log line is written.
/// </summary>
internal readonly struct PartitionRanges(IEnumerable<TopicPartition> partitions)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var topic in partitions.GroupBy(p => p.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(text.Length > 0 ? ", " : string.Empty).Append(topic.Key).Append('[');
            var numbers = topic.Select(p => p.Partition.Value).Distinct().Order().ToList();
            for (var start = 0; start < numbers.Count;)
            {
                var end = start;
                while (end + 1 < numbers.Count && numbers[end + 1] == numbers[end] + 1)
                {
                    end++;
                }

                text.Append(start > 0 ? "," : string.Empty).Append(numbers[start].ToString(CultureInfo.InvariantCulture));
                if (end > start)
                {
                    text.Append('-').Append(numbers[end].ToString(CultureInfo.InvariantCulture));
                }

                start = end + 1;
            }

            text.Append(']');
        }

        return text.Length > 0 ? text.ToString() : "none";
    }
}
