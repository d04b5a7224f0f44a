using Tazlab.Components.Wiring;
using VaultProvider = Pulumi.Vault.Provider;

namespace Tazlab.Components.VaultAccess;

/// <summary>What the grants need: the owning stack's rendering (the grants' policies) and its Vault provider.</summary>
public sealed class VaultStackGrantsArgs : PlatformPartArgs
{
    public required VaultProvider Provider { get; init; }
}
