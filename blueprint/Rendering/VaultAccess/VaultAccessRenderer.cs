using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;
using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Rendering.VaultAccess;

/// <summary>Renders the programs' credential policies on the stack that owns Vault (<see cref="ProgramCredentialPolicies"/>).</summary>
public static class VaultAccessRenderer
{
    public static VaultAccessRendering Render(RenderInput input)
    {
        var config = input.Config;
        if (config.Ownership.VaultServer != PartOwnership.Own)
        {
            return VaultAccessRendering.NotOwned;
        }

        var program = ProgramCredentialPolicies.Owner(config);
        var grants = config.Vault.StackGrants.Select(ProgramCredentialPolicies.Grant).ToList();
        return Assemble(program, grants);
    }

    /// <summary>A rendering from its typed parts (also how checks are exercised on a hand-built rendering).</summary>
    public static VaultAccessRendering Assemble(VaultPolicy program, IReadOnlyList<VaultPolicy> grants) => new(
        program,
        grants,
        [.. new[] { program }.Concat(grants).Select(p => new RenderedFile(VaultAccessRendering.FileOf(p), HclWriter.Write(p.ToHcl())))]);
}
