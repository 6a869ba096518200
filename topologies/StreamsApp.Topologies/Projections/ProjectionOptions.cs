namespace StreamsApp.Topologies.Projections;

/// <summary>Tuning of the projections.</summary>
public sealed class ProjectionOptions
{
    /// <summary>The product sales' window size: one hour.</summary>
    public static readonly TimeSpan SalesWindowSize = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after its hour a product sales window still takes completed orders (default one hour). Sales are
    /// counted by order time when the saga completes, minutes later, so the grace must cover the saga's duration
    /// (its timeout) plus how late orders arrive; a later completion is not counted.
    /// </summary>
    public TimeSpan SalesGrace { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long product sales windows stay queryable (default seven days), at least the window size plus the grace.
    /// A completed order is counted once within this time (a redelivery later than that would count again, into a
    /// window that is gone).
    /// </summary>
    public TimeSpan SalesRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Checks the options; the exception names the bad one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The grace is negative, or the retention is shorter than the window size plus the grace.</exception>
    public void Validate()
    {
        if (SalesGrace < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SalesGrace), SalesGrace, $"{nameof(ProjectionOptions)}.{nameof(SalesGrace)} must not be negative");
        }

        if (SalesRetention < SalesWindowSize + SalesGrace)
        {
            throw new ArgumentOutOfRangeException(
                nameof(SalesRetention), SalesRetention,
                $"{nameof(ProjectionOptions)}.{nameof(SalesRetention)} must be at least the window size plus {nameof(SalesGrace)} ({SalesWindowSize + SalesGrace})");
        }
    }
}
