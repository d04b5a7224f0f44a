using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests;

/// <summary>What each stack registers: the owning stack builds everything; the referencing stack builds its cluster only.</summary>
public class RegistrationTests
{
    [Fact]
    public async Task Prod_registers_every_part_of_the_platform()
    {
        var run = await ProgramRun.Of("prod");
        Assert.Null(run.Error);

        var counts = run.Mocks.Registered.GroupBy(r => r.Type!).ToDictionary(g => g.Key, g => g.Count());
        var expected = new Dictionary<string, int>
        {
            ["tazlab:tailnet:DeviceHygiene"] = 1,
            ["tazlab:tailnet:Tailnet"] = 1,
            ["tazlab:vault:VaultServer"] = 1,
            ["tazlab:talos:TalosCluster"] = 1,
            ["tazlab:dns:ClusterDns"] = 1,
            ["tazlab:operator:TailscaleOperator"] = 1,
            ["tazlab:vault:VaultKubernetesAuth"] = 1,
            ["tazlab:secrets:BootstrapSecrets"] = 1,
            ["tazlab:vault:VaultStackGrants"] = 1,
            ["tazlab:backup:VaultBackup"] = 1,
            ["tazlab:backup:EtcdBackup"] = 1,
            // The device prune, the cluster's health check, the Kubernetes step, and per node (3) its upgrade, its
            // staged-reboot check and its retirement.
            [LocalCommand] = 2 + 1 + (3 * 3),
            [Acl] = 1,
            [OAuthClient] = 2,
            // Vault's and one per Talos node.
            [TailnetKey] = 4,
            [PrivateKey] = 2,
            [SelfSignedCert] = 1,
            [CertRequest] = 1,
            [LocallySignedCert] = 1,
            [SshKey] = 1,
            [Firewall] = 1,
            [Server] = 1,
            // The tailnet join, the TLS files, the init and its cleanup, the backup's install.
            [RemoteCommand] = 5,
            [ProxmoxProvider] = 1,
            [Schematic] = 1,
            [ProxmoxFile] = 1,
            [Vm] = 3,
            [MachineSecrets] = 1,
            [ConfigurationApply] = 3,
            [Bootstrap] = 1,
            [Kubeconfig] = 1,
            [KubernetesProvider] = 1,
            // ... and the etcd backup's objects, and its storage Secret.
            [ConfigGroup] = 5,
            [Secret] = 3,
            [Namespace] = 2,
            [Release] = 2,
            [VaultProvider] = 1,
            [Mount] = 1,
            // eso-reader and the role's own; for dev: its credential's, its reader's and its role's; the backup credential's.
            [Policy] = 6,
            [JwtBackend] = 1,
            [JwtRole] = 2,
            // dev's credential and the Vault VM's backup credential.
            ["vault:appRole/authBackendRole:AuthBackendRole"] = 2,
            ["vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId"] = 2,
        };
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), counts.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dev_reads_prod_through_a_stack_reference_and_writes_no_policy()
    {
        var run = await ProgramRun.Of("dev");
        Assert.Null(run.Error);

        var reference = Assert.Single(run.Mocks.OfType(StackReference));
        Assert.Equal(ProgramRun.ProdReference, reference.Inputs["name"]);
        Assert.Empty(run.Mocks.OfType(Acl));
        Assert.Empty(run.Mocks.OfType(OAuthClient));
        Assert.Empty(run.Mocks.OfType(Server));
        Assert.Empty(run.Mocks.OfType(Mount));
        Assert.Equal(["talos-tazlab-dev-cp-1", "talos-tazlab-dev-worker-1"], run.Mocks.OfType(TailnetKey).Select(k => k.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, run.Mocks.OfType(Vm).Count);
        Assert.Equal(2, run.Mocks.OfType(ConfigurationApply).Count);
    }

    [Fact]
    public async Task Dev_runs_its_operator_with_prods_oauth_client_and_its_vault_auth_against_prods_vault()
    {
        var run = await ProgramRun.Of("dev");

        var oauth = run.Mocks.Single(Secret, "operator-oauth");
        var data = (System.Collections.Immutable.ImmutableDictionary<string, object>)oauth.Inputs["stringData"];
        Assert.Equal($"{ProgramRun.Marker}-prod-operator-id", data["client_id"]);
        Assert.Equal($"{ProgramRun.Marker}-prod-operator-secret", data["client_secret"]);
        var vault = Assert.Single(run.Mocks.OfType(VaultProvider));
        Assert.Equal("https://lushycorp-vault.magellanic-gondola.ts.net:8200", vault.Inputs["address"]);
        Assert.False(vault.Inputs.ContainsKey("token"));
        Assert.Equal("jwt-dev", run.Mocks.Single(JwtBackend, "jwt").Inputs["path"]);
        Assert.Empty(run.Mocks.OfType(Policy));
    }
}
