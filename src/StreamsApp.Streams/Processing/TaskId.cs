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
}
