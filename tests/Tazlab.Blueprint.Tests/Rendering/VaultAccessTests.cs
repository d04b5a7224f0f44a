using Tazlab.Blueprint.Rendering.VaultAccess;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rendering.VaultServer;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;

namespace Tazlab.Blueprint.Tests.Rendering;

/// <summary>
/// The programs' credential policies as prod renders them: each names only what its stack's Vault provider manages,
/// with sudo only where Vault demands it, and the owner can never change its own credential.
/// </summary>
public sealed class VaultAccessTests
{
    private static VaultPolicy Read(string name) =>
        VaultPolicy.FromHcl(name, HclReader.Read(PlanFixture.Of("prod").File($"{VaultAccessRendering.Folder}{name}.hcl")));

    private static Dictionary<string, IReadOnlyList<string>> Rules(VaultPolicy policy) => policy.Paths.ToDictionary(p => p.Path, p => p.Capabilities);

    [Fact]
    public void The_owners_policy_covers_its_mounts_roles_and_policies_and_the_grants_but_never_its_own_credential()
    {
        var rules = Rules(Read("tazlab-program-prod"));

        Assert.Equal(["read"], rules["auth/token/lookup-self"]);
        Assert.Equal(["create", "read", "update", "delete"], rules["sys/mounts/secret"]);
        Assert.Equal(["create", "update", "delete", "sudo"], rules["sys/auth/jwt"]);
        Assert.Equal(["create", "read", "update", "delete"], rules["auth/jwt/role/*"]);
        Assert.Equal(["create", "read", "update", "delete"], rules["sys/policies/acl/jwt-*"]);
        Assert.Equal(["create", "read", "update", "delete"], rules["sys/policies/acl/eso-reader"]);
        Assert.Equal(["create", "read", "update", "delete"], rules["auth/approle/role/tazlab-program-*"]);
        // The exact path and the folder under it both outrank the glob (Vault's ACL priority rules).
        Assert.Equal(["deny"], rules["sys/policies/acl/tazlab-program-prod"]);
        Assert.Equal(["deny"], rules["auth/approle/role/tazlab-program-prod"]);
        Assert.Equal(["deny"], rules["auth/approle/role/tazlab-program-prod/*"]);
        Assert.Equal(["sys/auth/jwt"], rules.Where(r => r.Value.Contains("sudo")).Select(r => r.Key));
        Assert.DoesNotContain(rules.Keys, path => path is "*" || path.StartsWith("sys/policies/acl/*", StringComparison.Ordinal) || path.StartsWith("secret/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_grant_reaches_only_the_referencing_stacks_mount_and_policies()
    {
        var rules = Rules(Read("tazlab-program-dev"));

        Assert.Equal(
            ["auth/token/lookup-self", "sys/auth/jwt-dev", "sys/mounts/auth/jwt-dev", "sys/mounts/auth/jwt-dev/tune", "auth/jwt-dev/config", "auth/jwt-dev/role/*", "sys/policies/acl/eso-reader-dev", "sys/policies/acl/jwt-dev-*"],
            rules.Keys);
    }

    [Fact]
    public void The_init_writes_the_rendered_owner_policy_and_binds_the_role_to_the_tailnet()
    {
        var plan = PlanFixture.Of("prod");
        var init = plan.File(VaultBootstrapScripts.InitFile);

        Assert.Contains(plan.File($"{VaultAccessRendering.Folder}tazlab-program-prod.hcl").TrimEnd('\n'), init, StringComparison.Ordinal);
        Assert.Contains("vault write auth/approle/role/tazlab-program-prod token_policies=tazlab-program-prod token_no_default_policy=true token_type=service token_ttl=3600 token_max_ttl=3600", init, StringComparison.Ordinal);
        Assert.Contains("vault token revoke -self", init, StringComparison.Ordinal);
    }

    [Fact]
    public void A_referencing_stack_renders_no_credential_of_its_own()
    {
        Assert.DoesNotContain(PlanFixture.Of("dev").Context.Rendering.Files, f => f.Path.StartsWith(VaultAccessRendering.Folder, StringComparison.Ordinal));
    }
}
