using System.Globalization;

namespace StreamsApp.Topologies.Orders;

/// <summary>
/// What the order intake remembers of the order it accepted under an id (<see cref="OrderIntakeTopology.OrderIdStore"/>):
/// the order's fingerprint, and the offset of its record on <c>orders.events</c>, stored as <c>fingerprint@offset</c>
/// (a mark written before offsets were kept is the fingerprint alone).
/// </summary>
/// <param name="Fingerprint">The accepted order's <see cref="OrderFingerprint"/>.</param>
/// <param name="Offset">The offset of the record that carried it; null when unknown.</param>
public sealed record OrderIdMark(string Fingerprint, long? Offset)
{
    private const char Separator = '@';

    /// <summary>Reads a stored mark.</summary>
    /// <param name="stored">The store's value.</param>
    /// <returns>The mark.</returns>
    public static OrderIdMark Parse(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var at = stored.LastIndexOf(Separator);
        return at > 0 && long.TryParse(stored.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset)
            ? new OrderIdMark(stored[..at], offset)
            : new OrderIdMark(stored, null);
    }

    /// <summary>The mark as stored.</summary>
    public override string ToString() =>
        Offset is { } offset ? string.Create(CultureInfo.InvariantCulture, $"{Fingerprint}{Separator}{offset}") : Fingerprint;
}
