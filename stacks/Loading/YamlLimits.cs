namespace Tazlab.Stacks.Loading;

/// <summary>
/// What a stack or project file may hold before it is read into nodes: far above any real file, and low enough that
/// no input can exhaust the stack (deep nesting), memory or time (an alias bomb) of the process reading it.
/// </summary>
public static class YamlLimits
{
    /// <summary>Largest file accepted: a stack file is a few kilobytes; anything huge is a mistake.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Nesting of mappings and sequences; the deepest real key is four levels down.</summary>
    public const int MaxDepth = 64;

    /// <summary>Aliases (<c>*name</c>) in one file.</summary>
    public const int MaxAliases = 100;

    /// <summary>Nodes once every alias is expanded: what reading the file really costs.</summary>
    public const long MaxExpandedNodes = 100_000;

    /// <summary>Characters of one scalar (a CoreDNS server block is the longest real value).</summary>
    public const int MaxScalarLength = 64 * 1024;
}
