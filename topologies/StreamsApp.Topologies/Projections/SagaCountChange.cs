namespace StreamsApp.Topologies.Projections;

/// <summary>A saga entering (+1) or leaving (-1) a state, keyed by the state's symbol (JSON on the internal repartition topic).</summary>
/// <param name="Delta">+1 or -1.</param>
/// <param name="At">When the saga moved (the new state's time, for the state left as for the one entered).</param>
internal sealed record SagaCountChange(int Delta, DateTimeOffset At);
