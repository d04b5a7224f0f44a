using Pulumi.Vault.AppRole;
using Tazlab.Blueprint.Rendering.VaultAccess;
using Tazlab.Stacks.Naming;

namespace Tazlab.Components.VaultAccess;

/// <summary>
/// The AppRole role of one of the platform's own Vault credentials (a referencing stack's program, the Vault VM's
/// backup): its policy alone, the token and secret-id settings every such credential has (<see cref="AppRoleSettings"/>),
/// and the networks it may log in from.
/// </summary>
public static class ProgramAppRoleArgs
{
    public static AuthBackendRoleArgs For(string policy, IReadOnlyList<string> cidrs)
    {
        var bound = cidrs.ToList();
        return new AuthBackendRoleArgs
        {
            Backend = VaultAuthNames.AppRoleMount,
            RoleName = policy,
            TokenPolicies = { policy },
            TokenNoDefaultPolicy = AppRoleSettings.TokenNoDefaultPolicy,
            TokenType = AppRoleSettings.TokenType,
            TokenTtl = AppRoleSettings.TokenTtlSeconds,
            TokenMaxTtl = AppRoleSettings.TokenTtlSeconds,
            TokenNumUses = AppRoleSettings.TokenNumUses,
            TokenBoundCidrs = bound,
            SecretIdBoundCidrs = bound,
            SecretIdNumUses = AppRoleSettings.SecretIdNumUses,
            SecretIdTtl = AppRoleSettings.SecretIdTtl,
        };
    }
}
