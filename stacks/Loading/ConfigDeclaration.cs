using Tazlab.Stacks.Configuration;

namespace Tazlab.Stacks.Loading;

/// <summary>A key declared in <c>Pulumi.yaml</c>'s <c>config:</c> section.</summary>
/// <param name="Key">Fully qualified key, e.g. <c>tazlab:vaultApiPort</c>.</param>
/// <param name="Type">Pulumi's declared type: string, integer, boolean or array.</param>
/// <param name="ItemsType">For arrays, the declared type of the items.</param>
/// <param name="Default">The default applied when a stack does not set the key.</param>
public sealed record ConfigDeclaration(
    string Key,
    string? Type,
    string? ItemsType,
    string? Description,
    ConfigValue? Default,
    bool Secret);
