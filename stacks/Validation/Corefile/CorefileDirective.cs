namespace Tazlab.Stacks.Validation.Corefile;

/// <summary>
/// A plugin line inside a server block (<c>forward . 1.1.1.1</c>), or a property line inside a plugin's
/// block (<c>lameduck 5s</c>).
/// </summary>
/// <param name="Block">The lines of its nested block; empty when it has none.</param>
public sealed record CorefileDirective(string Name, IReadOnlyList<string> Arguments, IReadOnlyList<CorefileDirective> Block)
{
    public CorefileDirective(string name, params string[] arguments)
        : this(name, arguments, [])
    {
    }

    /// <summary>The same line with a nested block holding <paramref name="lines"/>.</summary>
    public CorefileDirective WithBlock(params CorefileDirective[] lines) => this with { Block = lines };

    /// <summary>The name followed by the arguments.</summary>
    public IReadOnlyList<string> Tokens => [Name, .. Arguments];
}
