using System.Globalization;
using Microsoft.AspNetCore.Http;
using StreamsApp.Contracts.Saga;

namespace StreamsApp.Worker.Api;

/// <summary>
/// How long a <c>POST /orders</c> may wait for its saga's outcome: <c>?wait=10s</c> (also <c>500ms</c>, or plain
/// seconds) or RFC 7240's <c>Prefer: wait=10</c> (seconds), at most <see cref="Max"/>. Without either the POST
/// answers 202 at once, as before.
/// </summary>
internal static class OrderWait
{
    /// <summary>The longest wait: a request held longer would outlive most clients' and proxies' timeouts.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    /// <summary>The wait asked for; null without one. The error names a <c>wait</c> parameter that is not a duration.</summary>
    public static (TimeSpan? Wait, string? Error) Read(HttpRequest request)
    {
        if (request.Query.TryGetValue("wait", out var query))
        {
            return TryParse(query.ToString(), out var wait)
                ? (wait, null)
                : (null, $"wait must be a duration of at most {Max.TotalSeconds:0} s, such as 10s, 500ms or 10 (seconds)");
        }

        // Prefer is a preference: one that cannot be honoured is ignored, a longer one is shortened.
        foreach (var preference in request.Headers["Prefer"].SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries)))
        {
            if (preference.StartsWith("wait=", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(preference.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return (TimeSpan.FromSeconds(Math.Min(seconds, Max.TotalSeconds)), null);
            }
        }

        return (null, null);
    }

    /// <summary>The body of a POST answered with its saga's outcome.</summary>
    public static OrderOutcome Outcome(string orderId, SagaStatus status, long sagaVersion, string? shipmentId, string? failureReason) =>
        new(orderId, status.ToString(), sagaVersion, shipmentId, failureReason);

    /// <summary>A duration of at most <see cref="Max"/>; checked before it is made a TimeSpan, which a huge one would overflow.</summary>
    private static bool TryParse(string text, out TimeSpan wait)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (text, 1000.0);
        var parsed = double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value * unit <= Max.TotalMilliseconds;
        wait = parsed ? TimeSpan.FromMilliseconds(value * unit) : default;
        return parsed;
    }
}
