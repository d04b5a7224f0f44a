using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Blueprint.Rendering.VaultAccess;

/// <summary>
/// The policies of the programs' Vault credentials, path by path what terraform-provider-vault v5.10.1 calls for the
/// resources each stack registers (docs/provider-contracts.md, Vault). Sudo only where Vault demands it (enabling
/// and disabling an auth mount). The owner's may write the policies of what it grants (<c>tazlab-grant-*</c>), so it
/// is as strong as an administrator by design; a referencing stack's writes no policy at all and may give its roles
/// only the policies the owner wrote for them.
/// </summary>
public static class ProgramCredentialPolicies
{
    private static readonly string[] Manage = ["create", "read", "update", "delete"];

    /// <summary>
    /// Every parameter terraform-provider-vault v5.10.1 sends for a JWT role (vault/resource_jwt_auth_backend_role.go
    /// jwtAuthBackendRoleDataToWrite, vault/auth_token.go updateTokenFields), any value but the policies'.
    /// </summary>
    private static readonly string[] JwtRoleParameters =
    [
        "role_type", "bound_audiences", "bound_subject", "bound_claims", "bound_claims_type", "claim_mappings",
        "user_claim", "user_claim_json_pointer", "groups_claim", "oidc_scopes", "allowed_redirect_uris", "max_age",
        "clock_skew_leeway", "expiration_leeway", "not_before_leeway", "verbose_oidc_logging",
        "token_ttl", "token_max_ttl", "token_explicit_max_ttl", "token_period", "token_type", "token_num_uses",
        "token_no_default_policy", "token_bound_cidrs", "alias_metadata",
    ];

    /// <summary>
    /// What vault/api v1.23.0 sends to enable an auth mount (EnableAuthOptions), any value but the type: a mount
    /// re-enabled as another type (github, approle) would take <c>token_policies</c> in its own configuration.
    /// </summary>
    private static readonly string[] EnableAuthParameters = ["description", "config", "local", "seal_wrap", "external_entropy_access", "options", "plugin_version"];

    /// <summary>The owning stack's program: written by its init with the root token, before the token is revoked.</summary>
    public static VaultPolicy Owner(StackConfig config)
    {
        var kv = config.Vault.KvMount;
        var jwt = config.VaultAuth.MountPath;
        return new VaultPolicy(
            VaultAuthNames.ProgramCredential(config.StackName),
            [
                $"Written by tazlab. The Vault credential of stack {config.StackName}'s Pulumi program: its KV mount, its JWT mount,",
                "roles and policies, and what it grants referencing stacks (tazlab-grant-*); never its own role or policy.",
            ],
            [
                .. JwtMount(jwt, roleParameters: null),
                new VaultPolicyPath($"sys/policies/acl/{VaultAuthNames.ReaderPolicy(config.StackName, ownsVault: true)}", Manage),
                new VaultPolicyPath($"sys/policies/acl/{VaultAuthNames.RolePolicyPrefix(jwt)}*", Manage),
                new VaultPolicyPath($"sys/mounts/{kv}", Manage),
                new VaultPolicyPath($"sys/mounts/{kv}/tune", ["update"]),
                new VaultPolicyPath($"sys/policies/acl/{VaultAuthNames.GrantPrefix}*", Manage),
                new VaultPolicyPath($"auth/{VaultAuthNames.AppRoleMount}/role/{VaultAuthNames.GrantPrefix}*", Manage),
            ]);
    }

    /// <summary>
    /// A referencing stack's program: its JWT mount and roles, whose policies can only be those the owner wrote for
    /// it (<paramref name="grantedPolicies"/>, matched exactly: a glob would admit "mine,theirs").
    /// </summary>
    public static VaultPolicy Grant(VaultStackGrant grant, IReadOnlyList<string> grantedPolicies) => new(
        VaultAuthNames.GrantCredential(grant.Stack),
        [
            $"Written by tazlab. The Vault credential of stack {grant.Stack}'s Pulumi program, granted by the owning stack:",
            $"its JWT mount {grant.JwtMount} and that mount's roles, with no policy but those the owner wrote for them.",
        ],
        JwtMount(grant.JwtMount, grantedPolicies));

    /// <summary>Log in (look itself up), and manage one JWT mount and its roles.</summary>
    private static List<VaultPolicyPath> JwtMount(string jwtMount, IReadOnlyList<string>? roleParameters) =>
    [
        // The provider looks its token up before anything else (meta.go:331); the role sets no default policy.
        new("auth/token/lookup-self", ["read"]),
        // Enabling and disabling an auth mount is root-protected (sys backend root path auth/*). A referencing stack's
        // mount stays a JWT mount: any other type could be configured with policies of its choosing.
        new($"sys/auth/{jwtMount}", ["create", "update", "delete", "sudo"], roleParameters is null ? null :
        [
            new("type", ["jwt"]),
            .. EnableAuthParameters.Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p, [])),
        ]),
        // The provider reads and tunes the mount through sys/mounts/auth/..., which needs no sudo.
        new($"sys/mounts/auth/{jwtMount}", ["read"]),
        new($"sys/mounts/auth/{jwtMount}/tune", ["read", "update"]),
        new($"auth/{jwtMount}/config", ["read", "update"]),
        new($"auth/{jwtMount}/role/*", Manage, roleParameters is null ? null :
        [
            new("token_policies", roleParameters),
            .. JwtRoleParameters.Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p, [])),
        ]),
    ];
}
