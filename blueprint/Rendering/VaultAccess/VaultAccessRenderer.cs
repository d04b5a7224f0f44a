using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Blueprint.Rendering.VaultAccess;

/// <summary>
/// Renders, on the stack that owns Vault, its program's credential policy and, for each grant, the referencing
/// stack's role and reader policies (KV reads under the grant's prefix only) and its credential's policy.
/// </summary>
public static class VaultAccessRenderer
{
    public static VaultAccessRendering Render(RenderInput input)
    {
        var config = input.Config;
        if (config.Ownership.VaultServer != PartOwnership.Own)
        {
            return VaultAccessRendering.NotOwned;
        }

        var kvMount = config.Vault.KvMount;
        var grants = config.Vault.StackGrants.Select(grant =>
        {
            List<VaultPolicy> policies =
            [
                KvReadPolicies.Reader(VaultAuthNames.ReaderPolicy(grant.Stack, ownsVault: false), kvMount, grant.KvPrefix),
                .. grant.Roles.Select(role => KvReadPolicies.ForRole(VaultAuthNames.GrantRolePolicy(grant.Stack, role.Name), role.Name, kvMount, grant.KvPrefix, role.SecretFolders)),
            ];
            return new VaultGrantRendering(grant, ProgramCredentialPolicies.Grant(grant, [.. policies.Select(p => p.Name)]), policies);
        }).ToList();
        return Assemble(ProgramCredentialPolicies.Owner(config), grants);
    }

    /// <summary>A rendering from its typed parts (also how checks are exercised on a hand-built rendering).</summary>
    public static VaultAccessRendering Assemble(VaultPolicy program, IReadOnlyList<VaultGrantRendering> grants) => new(
        program,
        grants,
        [.. new[] { program }.Concat(grants.SelectMany(g => g.Policies.Prepend(g.Credential))).Select(p => new RenderedFile(VaultAccessRendering.FileOf(p), HclWriter.Write(p.ToHcl())))]);
}
