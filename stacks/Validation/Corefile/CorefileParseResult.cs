namespace Tazlab.Stacks.Validation.Corefile;

/// <summary>What the parser read (recovered as far as possible) and every problem it found, in line order.</summary>
public sealed record CorefileParseResult(CorefileDocument Document, IReadOnlyList<CorefileError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
