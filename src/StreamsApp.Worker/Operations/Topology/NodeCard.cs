using StreamsApp.Streams;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// What a box of the picture says and how big it is: a processor's label (wrapped, whole) over its stores, or a
/// topic's name. Sizes come from estimated text widths, generous so text stays inside in any sans-serif font.
/// </summary>
/// <param name="Lines">The label's lines.</param>
/// <param name="Number">A generated name's number, shown small after the label.</param>
/// <param name="Stores">The stores' labels, one line each.</param>
/// <param name="Width">The box's width.</param>
/// <param name="Height">The box's height.</param>
internal sealed record NodeCard(IReadOnlyList<string> Lines, string? Number, IReadOnlyList<string> Stores, double Width, double Height)
{
    public const double FontSize = 11;
    public const double SmallFontSize = 9;
    public const double StoreFontSize = 10;
    public const double LineHeight = 14;
    public const double StoreLineHeight = 14;
    public const double PadX = 8;
    public const double PadY = 5;
    public const double StoreIconWidth = 12;

    private const int WrapAt = 24;
    private const double MinWidth = 56;

    /// <summary>The card of a source, processor or sink.</summary>
    public static NodeCard Of(TopologyDescription.NodeDescription node)
    {
        var label = NodeLabel.Of(node.Name);
        var lines = NodeLabel.Wrap(label.Text, WrapAt);
        var stores = node.Stores.Select(s => NodeLabel.Of(s).OneLine).ToList();
        var numberWidth = label.Number is null ? 0 : TextWidth(" " + label.Number, SmallFontSize);
        var width = Math.Max(
            lines.Select((line, i) => TextWidth(line, FontSize) + (i == lines.Count - 1 ? numberWidth : 0)).Max(),
            stores.Select(s => StoreIconWidth + TextWidth(s, StoreFontSize)).DefaultIfEmpty(0).Max());
        var storesHeight = stores.Count == 0 ? 0 : PadY + stores.Count * StoreLineHeight;
        return new NodeCard(lines, label.Number, stores, Math.Max(MinWidth, width + 2 * PadX), lines.Count * LineHeight + storesHeight + 2 * PadY);
    }

    /// <summary>The card of a topic: its whole name.</summary>
    public static NodeCard OfTopic(string topic)
    {
        var lines = NodeLabel.Wrap(topic, WrapAt);
        var height = lines.Count * LineHeight + 2 * PadY;

        // Round ends take half the height on each side.
        return new NodeCard(lines, Number: null, Stores: [], lines.Max(l => TextWidth(l, FontSize)) + 2 * PadX + height / 2, height);
    }

    /// <summary>The top of the stores' part of the box, from the box's top.</summary>
    public double StoresTop => PadY + Lines.Count * LineHeight + PadY / 2;

    /// <summary>About how wide <paramref name="text"/> is: DejaVu Sans' widths (the widest common sans-serif) by character class.</summary>
    public static double TextWidth(string text, double fontSize) => fontSize * text.Sum(c => c switch
    {
        'i' or 'j' or 'l' or '.' or ',' or ':' or '\'' or '|' or ' ' => 0.32,
        'f' or 't' or 'r' or '-' or 'I' or '(' or ')' => 0.42,
        'm' or 'w' => 0.98,
        'M' or 'W' => 1.0,
        >= 'A' and <= 'Z' => 0.74,
        '_' or '#' => 0.7,
        _ => 0.64,
    });
}
