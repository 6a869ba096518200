namespace StreamsApp.Worker.Configuration;

/// <summary>The known name a mistyped one was probably meant to be (<c>gurantee</c> → <c>guarantee</c>), for "did you mean".</summary>
internal static class ClosestName
{
    /// <summary>
    /// The candidate nearest to <paramref name="name"/> by edit distance, ignoring case, when it is near enough to be a
    /// typo: at most a third of the shorter name's length apart (at least one edit). Null when none is.
    /// </summary>
    /// <param name="name">The name given.</param>
    /// <param name="candidates">The names known.</param>
    public static string? Find(string name, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant())))
            .Where(c => c.Distance <= Math.Max(1, Math.Min(name.Length, c.Candidate.Length) / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
