using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Rendering.VaultAccess;

/// <summary>What the owner writes for one grant: the referencing stack's role and reader policies, and its credential's policy.</summary>
public sealed record VaultGrantRendering(VaultStackGrant Grant, VaultPolicy Credential, IReadOnlyList<VaultPolicy> Policies);
