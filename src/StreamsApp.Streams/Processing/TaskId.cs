using System.Globalization;

namespace StreamsApp.Streams.Processing;

/// <summary>Identifies a task: one sub-topology working on one partition number of its input topics.</summary>
/// <param name="Subtopology">The sub-topology index (as in <c>Topology.Describe()</c>).</param>
/// <param name="Partition">The partition number.</param>
public readonly record struct TaskId(int Subtopology, int Partition) : IComparable<TaskId>
{
    /// <inheritdoc />
    public int CompareTo(TaskId other) =>
        Subtopology != other.Subtopology ? Subtopology.CompareTo(other.Subtopology) : Partition.CompareTo(other.Partition);

    /// <summary>Orders by sub-topology, then partition.</summary>
    public static bool operator <(TaskId left, TaskId right) => left.CompareTo(right) < 0;

    /// <summary>Orders by sub-topology, then partition.</summary>
    public static bool operator >(TaskId left, TaskId right) => left.CompareTo(right) > 0;

    /// <summary>Orders by sub-topology, then partition.</summary>
    public static bool operator <=(TaskId left, TaskId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders by sub-topology, then partition.</summary>
    public static bool operator >=(TaskId left, TaskId right) => left.CompareTo(right) >= 0;

    /// <summary>The Kafka Streams form, <c>subtopology_partition</c>, also used as the task's state directory name.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Subtopology}_{Partition}");

    /// <summary>Reads the form <see cref="ToString"/> writes: two unsigned decimal numbers joined by one underscore.</summary>
    /// <param name="text">The text, from a directory name, a metric tag or another instance.</param>
    /// <param name="id">The task id; default when the text is not one.</param>
    /// <returns>Whether the text is a task id.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out TaskId id)
    {
        var separator = text.IndexOf('_');
        if (separator > 0
            && int.TryParse(text[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var subtopology)
            && int.TryParse(text[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var partition))
        {
            id = new TaskId(subtopology, partition);
            return true;
        }

        id = default;
        return false;
    }
}
