using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Testing;

/// <summary>The processing loop: every buffered record processed and committed, until all tasks are idle.</summary>
public sealed partial class TopologyTestDriver
{
    /// <summary>
    /// Processes every buffered record (including records fed back through internal topics), committing the task
    /// after each one, as Kafka Streams' driver does: then a cache never coalesces two updates of a key, even when
    /// both arrive through a repartition topic while handling one piped record, so caching does not change output.
    /// </summary>
    private void RunUntilIdle()
    {
        do
        {
            foreach (var task in _taskOrder)
            {
                while (task.Process())
                {
                    task.MaybePunctuateStreamTime();
                    Commit(task);
                }

                // A wall-clock punctuation or a requested commit with no record after it.
                if (task.CommitNeeded || task.Context.CommitRequested)
                {
                    Commit(task);
                }
            }
        }
        while (AnyBuffered());
    }

    private bool AnyBuffered()
    {
        foreach (var task in _taskOrder)
        {
            if (task.HasBufferedRecords)
            {
                return true;
            }
        }

        return false;
    }

    private static void Commit(StreamTask task)
    {
        task.PrepareCommit();
        task.PostCommit();
    }
}
