using F23.StringSimilarity;

namespace Tazlab.Stacks.Validation;

/// <summary>"Did you mean" hints for misspelt keys and values.</summary>
public static class Suggestions
{
    private static readonly Damerau Distance = new();

    /// <summary>The closest candidate, if it is close enough to be a likely typo.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = double.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var d = Distance.Distance(word.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        // A third of the word (at least 2 edits) is the usual threshold for a typo rather than another word.
        return best is not null && bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }

    /// <summary>The closest candidate at most <paramref name="maxEdits"/> edits away (a typo, not another word), if any.</summary>
    public static string? Within(string word, IEnumerable<string> candidates, int maxEdits) => candidates
        .Select(c => (Candidate: c, Edits: Distance.Distance(word.ToUpperInvariant(), c.ToUpperInvariant())))
        .Where(c => c.Edits <= maxEdits && c.Edits > 0)
        .OrderBy(c => c.Edits).ThenBy(c => c.Candidate, StringComparer.Ordinal)
        .Select(c => c.Candidate)
        .FirstOrDefault();

    /// <summary>"; did you mean 'x'?" or nothing.</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } match ? $" (did you mean '{match}'?)" : string.Empty;
}
