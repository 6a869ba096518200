using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace StreamsApp.Streams.Runtime;

/// <summary>Where an instance answers interactive queries: its <see cref="StreamsConfig.ApplicationServer"/>.</summary>
/// <param name="Host">The host name or address.</param>
/// <param name="Port">The port.</param>
public sealed record HostInfo(string Host, int Port)
{
    /// <summary>An instance without <see cref="StreamsConfig.ApplicationServer"/>, or no known host (Kafka's <c>HostInfo.unavailable()</c>).</summary>
    public static HostInfo Unavailable { get; } = new("unavailable", -1);

    /// <summary>Parses <c>host:port</c> (an IPv6 host in brackets: <c>[::1]:8080</c>).</summary>
    /// <exception cref="FormatException">The text is not host:port with a port from 1 to 65535.</exception>
    public static HostInfo Parse(string text) =>
        TryParse(text, out var host) ? host : throw new FormatException($"'{text}' is not host:port with a port from 1 to 65535");

    /// <summary>Parses <c>host:port</c>; false when the text is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out HostInfo? host)
    {
        host = null;
        var colon = text?.LastIndexOf(':') ?? -1;
        if (colon <= 0
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            return false;
        }

        var name = text![..colon];
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace))
        {
            return false;
        }

        host = new HostInfo(name, port);
        return true;
    }

    /// <summary><c>host:port</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
