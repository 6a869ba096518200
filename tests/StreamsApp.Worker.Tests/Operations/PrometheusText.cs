using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamsApp.Worker.Tests.Operations;

/// <summary>The Prometheus text exposition format, read into samples: "# HELP/TYPE" lines skipped, "name{labels} value" kept.</summary>
internal static partial class PrometheusText
{
    /// <summary>One sample: its metric name, its labels and its value.</summary>
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
    {
        public string? Label(string name) => Labels.GetValueOrDefault(name);
    }

    public static List<Sample> Parse(string text) =>
        [.. text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(line =>
        {
            var valueStart = line.LastIndexOf(' ');
            var series = line[..valueStart];
            var brace = series.IndexOf('{', StringComparison.Ordinal);
            var labels = brace < 0
                ? new Dictionary<string, string>()
                : LabelPattern().Matches(series[brace..]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            return new Sample(brace < 0 ? series : series[..brace], labels, double.Parse(line[(valueStart + 1)..], CultureInfo.InvariantCulture));
        })];

    /// <summary>One metric family as its "# TYPE" and "# HELP" lines declare it.</summary>
    public sealed record Family(string Name, string Type, string? Help);

    public static List<Family> Families(string text)
    {
        var lines = text.Split('\n');
        var help = lines.Where(l => l.StartsWith("# HELP ", StringComparison.Ordinal))
            .Select(l => l["# HELP ".Length..].Split(' ', 2))
            .ToDictionary(p => p[0], p => p.ElementAtOrDefault(1));
        return [.. lines.Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal))
            .Select(l => l["# TYPE ".Length..].Split(' '))
            .Select(p => new Family(p[0], p[1], help.GetValueOrDefault(p[0])))];
    }

    public static double Sum(IEnumerable<Sample> samples, string name) => samples.Where(s => s.Name == name).Sum(s => s.Value);

    [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LabelPattern();
}
