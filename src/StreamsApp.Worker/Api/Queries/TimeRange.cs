namespace StreamsApp.Worker.Api.Queries;

/// <summary>A time range with inclusive bounds, as window stores take it (on the window start).</summary>
/// <param name="From">The first instant.</param>
/// <param name="To">The last instant.</param>
internal readonly record struct TimeRange(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary><see cref="From"/> in epoch milliseconds.</summary>
    public long FromMs => From.ToUnixTimeMilliseconds();

    /// <summary><see cref="To"/> in epoch milliseconds.</summary>
    public long ToMs => To.ToUnixTimeMilliseconds();
}
