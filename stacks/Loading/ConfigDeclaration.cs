using Tazlab.Stacks.Configuration;

namespace Tazlab.Stacks.Loading;

/// <summary>A key declared in <c>Pulumi.yaml</c>'s <c>config:</c> section.</summary>
/// <param name="Key">Fully qualified key, e.g. <c>tazlab:vaultApiPort</c>.</param>
/// <param name="Type">Pulumi's declared type: string, integer, boolean or array; null when the declaration has none.</param>
/// <param name="ItemsType">For arrays, the declared type of the items.</param>
/// <param name="Default">The default applied when a stack does not set the key.</param>
/// <param name="Value">The <c>value:</c> attribute: what a key outside the project's namespace (a provider's) is set to.</param>
/// <param name="WrittenAs">The key as Pulumi.yaml spells it (bare for the project's own keys): what the Pulumi CLI's messages name.</param>
public sealed record ConfigDeclaration(
    string Key,
    string? Type,
    string? ItemsType,
    string? Description,
    ConfigValue? Default,
    bool Secret,
    ConfigValue? Value = null,
    string? WrittenAs = null)
{
    /// <summary>What a stack that does not set the key gets: the default, else the value.</summary>
    public ConfigValue? Applied => Default ?? Value;
}
