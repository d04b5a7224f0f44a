namespace Tazlab.Stacks.Validation;

/// <summary>
/// Collects every problem of one load, so all are reported in one pass. A key already in error is not
/// reported again by a later rule (a missing value should not also be "not a valid hostname").
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<string> _keysInError = new(StringComparer.Ordinal);

    // The same set, looked up by a key's prefixes as spans: a substring per prefix, for every node and intent, was
    // most of what the rules allocated.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixesInError;

    public DiagnosticBag() => _prefixesInError = _keysInError.GetAlternateLookup<ReadOnlySpan<char>>();

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    /// <summary>True when the key, or a key it is part of, already has an error.</summary>
    public bool IsInError(string key)
    {
        if (_keysInError.Contains(key))
        {
            return true;
        }

        // "tazlab:talosNodes[1].ip" is in error when "tazlab:talosNodes[1]" or "tazlab:talosNodes" is.
        for (var i = key.Length - 1; i > 0; i--)
        {
            if ((key[i] == '.' || key[i] == '[') && _prefixesInError.Contains(key.AsSpan(0, i)))
            {
                return true;
            }
        }

        return false;
    }

    public void Error(string key, string problem, string expected)
    {
        if (IsInError(key))
        {
            return;
        }

        _keysInError.Add(key);
        _items.Add(new Diagnostic(Severity.Error, key, problem, expected));
    }

    public void Warning(string key, string problem, string expected) =>
        _items.Add(new Diagnostic(Severity.Warning, key, problem, expected));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (d.Severity == Severity.Error)
            {
                Error(d.Key, d.Problem, d.Expected);
            }
            else
            {
                Warning(d.Key, d.Problem, d.Expected);
            }
        }
    }
}
