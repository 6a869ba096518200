using StreamsApp.Contracts;
using StreamsApp.Contracts.Saga;

namespace StreamsApp.Topologies.Saga;

/// <summary>
/// What one input does to a saga: the states it passes through (each is published; the last is stored) and the
/// commands and events it emits, in order. An ignored input (a duplicate or stale reply) has neither.
/// </summary>
/// <param name="States">The saga's states in the order they were reached, e.g. COMPENSATING then FAILED.</param>
/// <param name="Messages">The commands and events to emit.</param>
/// <param name="Stuck">Why the saga gives up waiting for its compensations, when it does: it goes to saga.DLT.</param>
internal sealed record SagaTransition(IReadOnlyList<SagaState> States, IReadOnlyList<ISagaMessage> Messages, string? Stuck = null)
{
    /// <summary>The input changes nothing.</summary>
    public static SagaTransition Ignored { get; } = new([], []);

    /// <summary>False for <see cref="Ignored"/>.</summary>
    public bool Changed => States.Count > 0;

    /// <summary>The state to store.</summary>
    public SagaState Final => States[^1];
}
