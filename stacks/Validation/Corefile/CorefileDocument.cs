namespace Tazlab.Stacks.Validation.Corefile;

/// <summary>
/// A Corefile as a typed model: its server blocks in order. The one model the parser produces and the
/// blueprint's writer renders, so what is written is what CoreDNS will read back.
/// </summary>
public sealed record CorefileDocument(IReadOnlyList<CorefileServerBlock> ServerBlocks)
{
    public static readonly CorefileDocument Empty = new([]);
}
