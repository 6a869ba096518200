using StreamsApp.Contracts.Saga;

namespace StreamsApp.Topologies.Projections;

/// <summary>Sagas per state, and how many of them timed out: one task's, or several summed.</summary>
/// <param name="Sagas">Sagas currently in each state; a state with none may be missing.</param>
/// <param name="TimedOut">Sagas that failed because they ran past their deadline (they are also counted by state).</param>
/// <param name="UpdatedAt">When a counted saga last moved.</param>
public sealed record SagaTotals(IReadOnlyDictionary<SagaStatus, long> Sagas, long TimedOut, DateTimeOffset UpdatedAt)
{
    /// <summary>No sagas.</summary>
    public static SagaTotals None { get; } = new(new Dictionary<SagaStatus, long>(), 0, DateTimeOffset.MinValue);

    /// <summary>Sagas in <paramref name="status"/>.</summary>
    /// <param name="status">A state.</param>
    /// <returns>The count, 0 for none.</returns>
    public long this[SagaStatus status] => Sagas.GetValueOrDefault(status);

    /// <summary>These totals and <paramref name="other"/> summed (two tasks', or two workers').</summary>
    /// <param name="other">Other totals.</param>
    /// <returns>The sums.</returns>
    public SagaTotals Plus(SagaTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var sagas = Enum.GetValues<SagaStatus>()
            .Select(status => (status, count: this[status] + other[status]))
            .Where(entry => entry.count != 0)
            .ToDictionary(entry => entry.status, entry => entry.count);
        return new(sagas, TimedOut + other.TimedOut, UpdatedAt > other.UpdatedAt ? UpdatedAt : other.UpdatedAt);
    }

    /// <summary>The totals after a saga counted as <paramref name="from"/> (null: not counted before) became <paramref name="to"/>.</summary>
    internal SagaTotals Moved(SagaMark? from, SagaMark to)
    {
        var sagas = new Dictionary<SagaStatus, long>(Sagas);
        if (from is not null)
        {
            sagas[from.Status] = this[from.Status] - 1;
        }

        sagas[to.Status] = sagas.GetValueOrDefault(to.Status) + 1;
        var timedOut = TimedOut + (to.TimedOut && from is not { TimedOut: true } ? 1 : 0);
        return new(sagas, timedOut, to.UpdatedAt > UpdatedAt ? to.UpdatedAt : UpdatedAt);
    }
}
