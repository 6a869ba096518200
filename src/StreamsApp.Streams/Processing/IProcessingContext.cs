using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Processing;

/// <summary>What every processor can see and do, whatever it forwards.</summary>
public interface IProcessingContext
{
    /// <summary>The application id (also the consumer group id and the prefix of internal topics).</summary>
    string ApplicationId { get; }

    /// <summary>The task this processor instance belongs to.</summary>
    TaskId TaskId { get; }

    /// <summary>
    /// Topic, partition and offset of the record being processed; null inside a punctuation, where no record is
    /// being processed.
    /// </summary>
    RecordMetadata? RecordMetadata { get; }

    /// <summary>The task's stream time: the largest record timestamp it has processed.</summary>
    long CurrentStreamTimeMs { get; }

    /// <summary>The wall-clock time as the runtime sees it (mockable in the TopologyTestDriver).</summary>
    long CurrentSystemTimeMs { get; }

    /// <summary>Returns a state store connected to this processor.</summary>
    /// <typeparam name="TStore">The store interface, e.g. <see cref="IKeyValueStore{TKey, TValue}"/>.</typeparam>
    /// <param name="name">The store name.</param>
    /// <exception cref="Errors.StreamsException">The store is unknown, not connected to this processor, or of another type.</exception>
    TStore GetStateStore<TStore>(string name)
        where TStore : IStateStore;

    /// <summary>Schedules a punctuator that runs every <paramref name="interval"/> of the given clock.</summary>
    /// <param name="interval">The interval; at least one millisecond.</param>
    /// <param name="type">Stream time or wall-clock time.</param>
    /// <param name="punctuator">Called with the timestamp at which it fires.</param>
    /// <returns>A handle that cancels the schedule.</returns>
    ICancellable Schedule(TimeSpan interval, PunctuationType type, Action<long> punctuator);

    /// <summary>Asks the runtime to commit the task soon (after the current record).</summary>
    void Commit();
}
