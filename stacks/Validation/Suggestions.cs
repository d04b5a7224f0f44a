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

    /// <summary>"; did you mean 'x'?" or nothing.</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } match ? $" (did you mean '{match}'?)" : string.Empty;
}
