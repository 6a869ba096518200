using System.Globalization;
using StreamsApp.Contracts.Saga;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>Parses and checks query-string input; each method returns the reason a value is refused (for a 400), or null.</summary>
internal static class QueryInput
{
    /// <summary>Results per answer unless <c>limit</c> says otherwise.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest <c>limit</c> accepted.</summary>
    public const int MaxLimit = 1000;

    /// <summary>How far back the time range reaches when <c>from</c> is not given: a day before <c>to</c>.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

    /// <summary>The widest time range accepted (it bounds how many windows one answer reads).</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    private static readonly DateTimeOffset LatestTime = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Parses <c>limit</c>: absent is <see cref="DefaultLimit"/>, otherwise 1 to <see cref="MaxLimit"/>.</summary>
    public static string? ReadLimit(string? text, out int limit)
    {
        limit = DefaultLimit;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit)
            ? null
            : $"limit must be a whole number from 1 to {MaxLimit} (was '{text}')";
    }

    /// <summary>
    /// Parses <c>from</c> and <c>to</c> (ISO-8601; without an offset, UTC). <c>to</c> absent is now, as a user asking
    /// "since 9:00" means; <c>from</c> absent is <see cref="DefaultRange"/> before <c>to</c>; neither given, the last
    /// day. The range must not be reversed nor wider than <see cref="MaxRange"/>.
    /// </summary>
    public static string? ReadTimeRange(string? fromText, string? toText, DateTimeOffset now, out TimeRange range)
    {
        range = default;
        var fromError = ReadTime("from", fromText, out var from);
        var toError = ReadTime("to", toText, out var to);
        if ((fromError ?? toError) is { } error)
        {
            return error;
        }

        var end = to ?? now;
        var begin = from ?? (end - DefaultRange > DateTimeOffset.UnixEpoch ? end - DefaultRange : DateTimeOffset.UnixEpoch);
        var toNow = to is null ? ", which is now when not given" : "";
        if (begin > end)
        {
            return $"from ({Render(begin)}) is after to ({Render(end)}{toNow})";
        }

        if (end - begin > MaxRange)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The time range may span at most {MaxRange.TotalDays} days (was {(end - begin).TotalDays:0.##}, to {Render(end)}{toNow})");
        }

        range = new TimeRange(begin, end);
        return null;
    }

    /// <summary>Parses a saga state symbol (<c>COMPLETED</c>; case-insensitive, names only, not numbers).</summary>
    public static string? ReadSagaStatus(string? text, out SagaStatus status)
    {
        status = default;
        var name = Enum.GetNames<SagaStatus>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return $"state must be one of {string.Join(", ", Enum.GetNames<SagaStatus>())} (was '{text}')";
        }

        status = Enum.Parse<SagaStatus>(name);
        return null;
    }

    private static string? ReadTime(string name, string? text, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Far from DateTimeOffset.MaxValue, so that arithmetic on window bounds cannot overflow.
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            || parsed < DateTimeOffset.UnixEpoch || parsed > LatestTime)
        {
            return $"{name} must be an ISO-8601 time from 1970 to 9998, e.g. 2026-01-31T12:00:00Z (was '{text}')";
        }

        time = parsed;
        return null;
    }

    private static string Render(DateTimeOffset time) => time.UtcDateTime.ToString(UtcTimestampConverter.Format, CultureInfo.InvariantCulture);
}
