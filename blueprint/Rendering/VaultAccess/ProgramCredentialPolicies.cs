using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Blueprint.Rendering.VaultAccess;

/// <summary>
/// The policies of the programs' Vault credentials, path by path what terraform-provider-vault v5.10.1 calls for the
/// resources a stack registers (docs/provider-contracts.md, Vault): the owner's KV mount, each stack's own JWT mount,
/// its roles and the policies named after it. Sudo only where Vault demands it (enabling and disabling an auth
/// mount). The owner may manage the referencing stacks' credentials, never its own.
/// </summary>
public static class ProgramCredentialPolicies
{
    private static readonly string[] Manage = ["create", "read", "update", "delete"];

    /// <summary>The owning stack's program: written by its init with the root token, before the token is revoked.</summary>
    public static VaultPolicy Owner(StackConfig config)
    {
        var kv = config.Vault.KvMount;
        var own = VaultAuthNames.ProgramCredential(config.StackName);
        var roles = $"auth/{VaultAuthNames.AppRoleMount}/role/";
        return new VaultPolicy(
            own,
            [
                $"Written by tazlab. The Vault credential of stack {config.StackName}'s Pulumi program: its KV mount, its JWT mount,",
                "roles and policies, and the referencing stacks' credentials - never its own, which only a root token changes.",
            ],
            [
                .. Common(config.VaultAuth.MountPath, VaultAuthNames.ReaderPolicy(config.StackName, ownsVault: true)),
                new VaultPolicyPath($"sys/mounts/{kv}", Manage),
                new VaultPolicyPath($"sys/mounts/{kv}/tune", ["update"]),
                new VaultPolicyPath($"sys/policies/acl/{VaultAuthNames.ProgramCredentialPrefix}*", Manage),
                new VaultPolicyPath($"{roles}{VaultAuthNames.ProgramCredentialPrefix}*", Manage),
                new VaultPolicyPath($"sys/policies/acl/{own}", ["deny"]),
                new VaultPolicyPath($"{roles}{own}", ["deny"]),
                new VaultPolicyPath($"{roles}{own}/*", ["deny"]),
            ]);
    }

    /// <summary>A referencing stack's program: created by the owner's program, on the grant in the owner's file.</summary>
    public static VaultPolicy Grant(VaultStackGrant grant) => new(
        VaultAuthNames.ProgramCredential(grant.Stack),
        [
            $"Written by tazlab. The Vault credential of stack {grant.Stack}'s Pulumi program, granted by the owning stack:",
            $"its JWT mount {grant.JwtMount}, that mount's roles and the policies named after it, nothing else.",
        ],
        Common(grant.JwtMount, VaultAuthNames.ReaderPolicy(grant.Stack, ownsVault: false)));

    /// <summary>What every program needs: log in (look itself up) and manage its own JWT mount, roles and policies.</summary>
    private static List<VaultPolicyPath> Common(string jwtMount, string readerPolicy) =>
    [
        // The provider looks its token up before anything else (meta.go:331); the role sets no default policy.
        new("auth/token/lookup-self", ["read"]),
        // Enabling and disabling an auth mount is root-protected (sys backend root path auth/*).
        new($"sys/auth/{jwtMount}", ["create", "update", "delete", "sudo"]),
        // The provider reads and tunes the mount through sys/mounts/auth/..., which needs no sudo.
        new($"sys/mounts/auth/{jwtMount}", ["read"]),
        new($"sys/mounts/auth/{jwtMount}/tune", ["read", "update"]),
        new($"auth/{jwtMount}/config", ["read", "update"]),
        new($"auth/{jwtMount}/role/*", Manage),
        new($"sys/policies/acl/{readerPolicy}", Manage),
        new($"sys/policies/acl/{VaultAuthNames.RolePolicyPrefix(jwtMount)}*", Manage),
    ];
}
