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
    public void The_owners_policy_covers_its_mounts_roles_and_policies_and_what_it_grants_but_never_its_own_credential()
    {
        var rules = Rules(Read("tazlab-program-prod"));

        Assert.Equal(["read"], rules["auth/token/lookup-self"]);
        Assert.Equal(["create", "read", "update", "delete"], rules["sys/mounts/secret"]);
        Assert.Equal(["create", "update", "delete", "sudo"], rules["sys/auth/jwt"]);
        Assert.Equal(["create", "read", "update", "delete"], rules["auth/jwt/role/*"]);
        Assert.Equal(["create", "read", "update", "delete"], rules["sys/policies/acl/jwt-*"]);
        Assert.Equal(["create", "read", "update", "delete"], rules["sys/policies/acl/eso-reader"]);
        Assert.Equal(["create", "read", "update", "delete"], rules["sys/policies/acl/tazlab-grant-*"]);
        Assert.Equal(["create", "read", "update", "delete"], rules["auth/approle/role/tazlab-grant-*"]);
        Assert.Equal(["sys/auth/jwt"], rules.Where(r => r.Value.Contains("sudo")).Select(r => r.Key));
        // Its own role and policy (tazlab-program-prod) match no rule, in any case: ACL paths are case-sensitive.
        Assert.DoesNotContain(rules.Keys, path => path.Contains("tazlab-program", StringComparison.Ordinal) || path is "*" || path.StartsWith("sys/policies/acl/*", StringComparison.Ordinal) || path.StartsWith("secret/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_grant_reaches_only_the_referencing_stacks_mount_and_roles_and_writes_no_policy()
    {
        var policy = Read("tazlab-grant-dev");
        var rules = Rules(policy);

        Assert.Equal(
            ["auth/token/lookup-self", "sys/auth/jwt-dev", "sys/mounts/auth/jwt-dev", "sys/mounts/auth/jwt-dev/tune", "auth/jwt-dev/config", "auth/jwt-dev/role/*"],
            rules.Keys);
        // Its roles may carry only the policies prod wrote for dev, each named exactly (a glob would admit "mine,theirs").
        var roles = policy.Paths.Single(p => p.Path == "auth/jwt-dev/role/*");
        var allowed = roles.AllowedParameters!.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(["tazlab-grant-dev-eso-reader", "tazlab-grant-dev-grafana-consumer"], allowed["token_policies"]);
        Assert.DoesNotContain(allowed["token_policies"], p => p.Contains('*', StringComparison.Ordinal));
        Assert.False(allowed.ContainsKey("policies"));
        Assert.False(allowed.ContainsKey("*"));
        Assert.All(allowed.Where(p => p.Key != "token_policies"), p => Assert.Empty(p.Value));

        // Its mount stays a JWT mount: re-enabled as github or approle, its configuration could name any policy.
        var mount = policy.Paths.Single(p => p.Path == "sys/auth/jwt-dev").AllowedParameters!.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(["jwt"], mount["type"]);
        Assert.False(mount.ContainsKey("plugin_name"));
        Assert.False(mount.ContainsKey("*"));
    }

    [Fact]
    public void Prod_writes_devs_role_and_reader_policies_from_its_grant_reading_only_devs_folders()
    {
        var role = Rules(Read("tazlab-grant-dev-grafana-consumer"));
        var reader = Rules(Read("tazlab-grant-dev-eso-reader"));

        Assert.Equal(["secret/data/tazlab-dev/grafana/*", "secret/metadata/tazlab-dev/grafana/*"], role.Keys);
        Assert.Equal(["secret/data/tazlab-dev/*", "secret/metadata/tazlab-dev/*"], reader.Keys);
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
