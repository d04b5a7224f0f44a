using System.Collections.Immutable;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.Tailnet;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Infra.Tests.Engine;
using YamlDotNet.RepresentationModel;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests;

/// <summary>The resources carry exactly what the blueprint renders, with the real apply-time values in place.</summary>
public class RenderedInputTests
{
    private static readonly Lazy<Task<ProgramRun>> Prod = new(() => ProgramRun.Of("prod"));

    private static Task<ProgramRun> ProdRun() => Prod.Value;

    private static PlatformRendering Offline(ProgramRun run) => run.Deployment!.Plan.Context.Rendering;

    [Fact]
    public async Task The_acl_is_the_rendered_policy_file()
    {
        var run = await ProdRun();

        var acl = Assert.Single(run.Mocks.OfType(Acl));
        var policy = Offline(run).Files.Single(f => f.Path == TailnetRendering.PolicyFile).Content;
        Assert.Equal(policy, acl.Inputs["acl"]);
        Assert.Equal(true, acl.Inputs["overwriteExistingContent"]);
    }

    [Fact]
    public async Task The_certificate_request_names_exactly_the_rendered_sans()
    {
        var run = await ProdRun();

        var csr = run.Mocks.Single(CertRequest, "server-csr");
        Assert.Equal(["lushycorp-vault.magellanic-gondola.ts.net", "localhost"], ((ImmutableArray<object>)csr.Inputs["dnsNames"]).Cast<string>());
        Assert.Equal(["127.0.0.1"], ((ImmutableArray<object>)csr.Inputs["ipAddresses"]).Cast<string>());
    }

    [Fact]
    public async Task The_server_boots_the_rendered_cloud_init_which_holds_no_secret()
    {
        var run = await ProdRun();

        var server = run.Mocks.Single(Server, "server");
        var userData = (string)server.Inputs["userData"];
        Assert.Equal(Offline(run).Files.Single(f => f.Path == Blueprint.Rendering.VaultServer.VaultServerRendering.CloudInitFile).Content, userData);
        Assert.Contains("api_addr = \"https://lushycorp-vault.magellanic-gondola.ts.net:8200\"", userData, StringComparison.Ordinal);
        // The metadata service serves the user data to every process on the VM: no key, no certificate, no secret.
        Assert.DoesNotContain(ProgramRun.Marker, userData, StringComparison.Ordinal);
        Assert.DoesNotContain("VAULT-SERVER", userData, StringComparison.Ordinal);
        Assert.DoesNotContain("<redacted:", userData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_join_command_sends_the_key_on_a_secret_stdin_and_runs_once_per_server()
    {
        var run = await ProdRun();

        var join = run.Single(RemoteCommand, "vault-join");
        var args = (Pulumi.Command.Remote.CommandArgs)join.Args;
        Assert.True(await Pulumi.Output.IsSecretAsync<string>(args.Stdin!));
        Assert.Equal(Offline(run).Files.Single(f => f.Path == Blueprint.Rendering.VaultServer.VaultBootstrapScripts.JoinTailnetFile).Content, run.Mocks.Single(RemoteCommand, "vault-join").Inputs["create"]);
        Assert.Equal(["connection", "create", "stdin"], ((Pulumi.CustomResourceOptions)join.Options).IgnoreChanges);
        Assert.Equal(false, run.Mocks.Single(RemoteCommand, "vault-join").Inputs["addPreviousOutputInEnv"]);
    }

    [Fact]
    public async Task The_tls_command_installs_the_certificate_key_and_ca_over_ssh_from_a_secret_stdin()
    {
        var run = await ProdRun();

        var tls = run.Mocks.Single(RemoteCommand, "vault-tls");
        var script = Offline(run).Files.Single(f => f.Path == Blueprint.Rendering.VaultServer.VaultBootstrapScripts.InstallTlsFile).Content;
        Assert.Equal(script, tls.Inputs["create"]);
        Assert.Equal(script, tls.Inputs["update"]);
        var stdin = (string)tls.Inputs["stdin"];
        Assert.Contains("# tazlab-tls tls.crt\n-----BEGIN CERTIFICATE-----\nVAULT-SERVER\n", stdin, StringComparison.Ordinal);
        Assert.Contains($"# tazlab-tls tls.key\n-----BEGIN PRIVATE KEY-----\n{ProgramRun.Marker}-server-key\n", stdin, StringComparison.Ordinal);
        Assert.Contains("# tazlab-tls ca.crt\n-----BEGIN CERTIFICATE-----\nVAULT-CA\n", stdin, StringComparison.Ordinal);
        var captured = (Pulumi.Command.Remote.CommandArgs)run.Single(RemoteCommand, "vault-tls").Args;
        Assert.True(await Pulumi.Output.IsSecretAsync<string>(captured.Stdin!));
    }

    [Fact]
    public async Task The_firewall_opens_only_ssh_from_the_configured_sources()
    {
        var run = await ProdRun();

        var rule = (ImmutableDictionary<string, object>)Assert.Single((ImmutableArray<object>)run.Mocks.Single(Firewall, "firewall").Inputs["rules"]);
        Assert.Equal("22", rule["port"]);
        Assert.Equal(["203.0.113.7/32"], ((ImmutableArray<object>)rule["sourceIps"]).Cast<string>());
    }

    [Fact]
    public async Task A_configured_ssh_source_opens_ssh_from_it_only()
    {
        var run = await ProgramRun.Of("prod", source => ProgramRun.With(source, "tazlab:vaultSshSources",
            new Stacks.Configuration.ConfigSequence([new Stacks.Configuration.ConfigScalar("203.0.113.0/24")])));
        Assert.Null(run.Error);

        var rule = (ImmutableDictionary<string, object>)Assert.Single((ImmutableArray<object>)run.Mocks.Single(Firewall, "firewall").Inputs["rules"]);
        Assert.Equal("in", rule["direction"]);
        Assert.Equal("tcp", rule["protocol"]);
        Assert.Equal("22", rule["port"]);
        Assert.Equal(["203.0.113.0/24"], ((ImmutableArray<object>)rule["sourceIps"]).Cast<string>());
    }

    [Fact]
    public async Task Talos_bakes_the_api_server_settings_and_the_disabled_coredns_into_the_control_plane_configuration()
    {
        var run = await ProdRun();

        var controlPlane = run.Mocks.Single(ConfigurationApply, "tazlab-cp-1");
        var configuration = (string)controlPlane.Inputs["machineConfigurationInput"];
        Assert.Contains("# machineType: controlplane", configuration, StringComparison.Ordinal);
        Assert.Contains("# clusterEndpoint: https://192.168.1.81:6443", configuration, StringComparison.Ordinal);
        Assert.Contains("coreDNS:\n        disabled: true", configuration, StringComparison.Ordinal);
        Assert.Contains("service-account-issuer: https://lushycorp-k8s.magellanic-gondola.ts.net:6443", configuration, StringComparison.Ordinal);
        var worker = run.Mocks.Single(ConfigurationApply, "tazlab-worker-1");
        Assert.Contains("# machineType: worker", (string)worker.Inputs["machineConfigurationInput"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_node_gets_its_own_patch_with_the_real_auth_key_as_a_secret()
    {
        var run = await ProdRun();

        var node = run.Mocks.Single(ConfigurationApply, "tazlab-worker-2");
        var patch = Assert.Single(((ImmutableArray<object>)node.Inputs["configPatches"]).Cast<string>());
        Assert.Contains("hostname: tazlab-worker-2", patch, StringComparison.Ordinal);
        Assert.Contains($"TS_AUTHKEY={ProgramRun.Marker}-tskey-talos", patch, StringComparison.Ordinal);
        Assert.Equal("192.168.1.92", node.Inputs["node"]);
        var captured = (Pulumiverse.Talos.Machine.ConfigurationApplyArgs)run.Single(ConfigurationApply, "tazlab-worker-2").Args;
        Assert.True(await Pulumi.Output.IsSecretAsync<System.Collections.Immutable.ImmutableArray<string>>(captured.ConfigPatches));
    }

    [Fact]
    public async Task The_vms_boot_the_image_factory_iso_of_the_rendered_schematic()
    {
        var run = await ProdRun();

        var schematic = run.Mocks.Single(Schematic, "schematic");
        Assert.Equal(Offline(run).Get<Blueprint.Rendering.Talos.TalosRendering>().Schematic.Content, schematic.Inputs["schematic"]);
        var iso = Assert.Single(run.Mocks.OfType(ProxmoxFile));
        Assert.StartsWith("https://factory.talos.dev/image/", (string)iso.Inputs["url"], StringComparison.Ordinal);
        var vm = run.Mocks.Single(Vm, "tazlab-cp-1");
        Assert.Equal(801, Convert.ToInt32(vm.Inputs["vmId"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("192.168.1.81/24", System.Text.Json.JsonSerializer.Serialize(vm.Inputs["initialization"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoreDns_pins_the_kube_dns_service_to_its_cluster_ip()
    {
        var run = await ProdRun();

        var yaml = (string)run.Mocks.Single(ConfigGroup, "coredns").Inputs["yaml"];
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var service = stream.Documents.Select(d => (YamlMappingNode)d.RootNode).Single(d => d["kind"].ToString() == "Service");
        Assert.Equal("kube-dns", ((YamlMappingNode)service["metadata"])["name"].ToString());
        Assert.Equal("10.96.0.10", ((YamlMappingNode)service["spec"])["clusterIP"].ToString());
        Assert.Equal("10.96.0.10", await StackOutputValue.Text(run.Deployment!.Outputs[StackOutputs.CorednsClusterIp]));
    }

    [Fact]
    public async Task The_jwt_backend_and_roles_are_the_rendered_ones()
    {
        var run = await ProdRun();

        var backend = run.Mocks.Single(JwtBackend, "jwt");
        Assert.Equal("jwt", backend.Inputs["path"]);
        Assert.Equal("https://lushycorp-k8s.magellanic-gondola.ts.net:6443", backend.Inputs["boundIssuer"]);
        Assert.Equal([ProgramRun.ServiceAccountPublicKeyPem], ((ImmutableArray<object>)backend.Inputs["jwtValidationPubkeys"]).Cast<string>());
        Assert.False(backend.Inputs.ContainsKey("jwksUrl"));

        var role = run.Mocks.Single(JwtRole, "grafana-consumer");
        Assert.Equal("jwt", role.Inputs["roleType"]);
        Assert.Equal("sub", role.Inputs["userClaim"]);
        Assert.Equal("system:serviceaccount:monitoring:grafana-sa", role.Inputs["boundSubject"]);
        Assert.Equal(["https://lushycorp-vault.magellanic-gondola.ts.net:8200"], ((ImmutableArray<object>)role.Inputs["boundAudiences"]).Cast<string>());
        Assert.Equal(24 * 3600, Convert.ToInt32(role.Inputs["tokenTtl"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["jwt-grafana-consumer"], ((ImmutableArray<object>)role.Inputs["tokenPolicies"]).Cast<string>());
        var policy = run.Mocks.Single(Policy, "jwt-grafana-consumer");
        Assert.Contains("path \"secret/data/tazlab/grafana/*\"", (string)policy.Inputs["policy"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_eso_reader_policy_is_the_rendered_hcl_and_only_external_secrets_role_carries_it()
    {
        var run = await ProdRun();

        var policy = run.Mocks.Single(Policy, "eso-reader");
        var rendered = Offline(run).Files.Single(f => f.Path == $"{VaultAuthRendering.PolicyFolder}eso-reader.hcl").Content;
        Assert.Equal(rendered, policy.Inputs["policy"]);
        Assert.Contains("path \"secret/data/tazlab/*\"", rendered, StringComparison.Ordinal);

        var carriers = run.Mocks.OfType(JwtRole).Where(r => ((ImmutableArray<object>)r.Inputs["tokenPolicies"]).Contains("eso-reader")).ToList();
        var eso = Assert.Single(carriers);
        Assert.Equal("external-secrets", eso.Inputs["roleName"]);
        Assert.Equal(["eso-reader"], ((ImmutableArray<object>)eso.Inputs["tokenPolicies"]).Cast<string>());
        Assert.Equal("system:serviceaccount:external-secrets:external-secrets", eso.Inputs["boundSubject"]);
        Assert.Equal(["https://lushycorp-vault.magellanic-gondola.ts.net:8200"], ((ImmutableArray<object>)eso.Inputs["boundAudiences"]).Cast<string>());
        Assert.Contains(run.Single(Policy, "eso-reader").Resource, await run.Single(JwtRole, "external-secrets").DependsOnAsync());
    }

    [Fact]
    public async Task The_cluster_secret_store_trusts_vaults_real_ca_and_follows_the_external_secrets_release()
    {
        var run = await ProdRun();

        var store = (string)run.Mocks.Single(ConfigGroup, "cluster-secret-store").Inputs["yaml"];
        var ca = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----\nVAULT-CA\n-----END CERTIFICATE-----\n"));
        Assert.Contains($"caBundle: {ca}", store, StringComparison.Ordinal);
        var release = run.Single(Release, "external-secrets");
        Assert.Contains(release.Resource, await run.Single(ConfigGroup, "cluster-secret-store").DependsOnAsync());
    }

    [Fact]
    public async Task The_operator_starts_from_a_bootstrap_secret_with_the_rendered_values()
    {
        var run = await ProdRun();

        var oauth = run.Mocks.Single(Secret, "operator-oauth");
        var data = (ImmutableDictionary<string, object>)oauth.Inputs["stringData"];
        Assert.Equal($"{ProgramRun.Marker}-oauth-k8s-operator", data["client_secret"]);
        var release = run.Mocks.Single(Release, "operator");
        Assert.Equal("tailscale-operator", release.Inputs["chart"]);
        Assert.Equal("1.96.5", release.Inputs["version"]);
        Assert.Equal("tailscale", release.Inputs["namespace"]);
        var namespaceYaml = (string)run.Mocks.Single(ConfigGroup, "namespace").Inputs["yaml"];
        Assert.Contains("pod-security.kubernetes.io/enforce: privileged", namespaceYaml, StringComparison.Ordinal);
        var services = (string)run.Mocks.Single(ConfigGroup, "services").Inputs["yaml"];
        Assert.Contains("tailscale.com/tailnet-fqdn: lushycorp-vault.magellanic-gondola.ts.net", services, StringComparison.Ordinal);
    }
}
