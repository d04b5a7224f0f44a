namespace Tazlab.Stacks.Validation.Corefile;

/// <summary>One server block: the addresses it serves and its plugins, in the order written.</summary>
/// <param name="Keys">Addresses as written, zone with port, e.g. <c>.:53</c> or <c>example.ts.net:53</c>.</param>
public sealed record CorefileServerBlock(IReadOnlyList<string> Keys, IReadOnlyList<CorefileDirective> Plugins);
