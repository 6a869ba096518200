using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// What a picture calls a processor or store: the user's name as given, a generated name
/// (<c>KSTREAM-MAPVALUES-0000000015</c>) as its operator (<c>mapValues</c>) and number (<c>15</c>).
/// </summary>
/// <param name="Text">The name to show.</param>
/// <param name="Number">A generated name's number without its leading zeros, shown small; null for users' names.</param>
internal sealed partial record NodeLabel(string Text, string? Number)
{
    // The operator words the engine runs together (KSTREAM-FLATMAPVALUES-); the others are camel-cased word by word.
    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["MAPVALUES"] = "mapValues",
        ["FLATMAP"] = "flatMap",
        ["FLATMAPVALUES"] = "flatMapValues",
        ["KEY-SELECT"] = "selectKey",
        ["FOREACH"] = "forEach",
        ["PROCESSVALUES"] = "processValues",
        ["TOSTREAM"] = "toStream",
        ["TOTABLE"] = "toTable",
        ["LEFTJOIN"] = "leftJoin",
        ["JOINTHIS"] = "joinThis",
        ["JOINOTHER"] = "joinOther",
        ["OUTERTHIS"] = "outerThis",
        ["OUTEROTHER"] = "outerOther",
        ["OUTERSHARED"] = "outerShared",
    };

    /// <summary>The label as plain text: the name, or the operator and its number (<c>mapValues 15</c>).</summary>
    public string OneLine => Number is null ? Text : $"{Text} {Number}";

    /// <summary>The label of a processor, topic or store named <paramref name="name"/>.</summary>
    public static NodeLabel Of(string name)
    {
        var generated = GeneratedName().Match(name);
        if (!generated.Success)
        {
            return new NodeLabel(name, Number: null);
        }

        var kind = generated.Groups["kind"].Value;
        var text = generated.Groups["table"].Value == "KTABLE" && kind == "SOURCE" ? "table" : Operator(kind);
        var number = long.Parse(generated.Groups["number"].Value, CultureInfo.InvariantCulture);
        return new NodeLabel(text, number.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// <paramref name="text"/> in lines of about <paramref name="width"/> characters, broken after <c>-</c>,
    /// <c>.</c> or <c>_</c>: names are shown whole, a part longer than a line on a line of its own.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (Match part in NamePart().Matches(text).Where(m => m.Length > 0))
        {
            if (line.Length > 0 && line.Length + part.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(part.Value);
        }

        lines.Add(line.ToString());
        return lines;
    }

    private static string Operator(string kind)
    {
        if (Operators.TryGetValue(kind, out var known))
        {
            return known;
        }

        var words = kind.ToLowerInvariant().Split('-');
        return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    [GeneratedRegex("^(?<table>KSTREAM|KTABLE)-(?<kind>[A-Z]+(?:-[A-Z]+)*)-(?<number>[0-9]{10})$")]
    private static partial Regex GeneratedName();

    [GeneratedRegex("[^-._]*[-._]?")]
    private static partial Regex NamePart();
}
