using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Pulumi.Testing;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.Talos;
using Tazlab.Infra;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Validation;

namespace Tazlab.EngineMocks;

/// <summary>
/// What each provider answers when the program runs under the engine mocks: the inputs back as state, plus the outputs
/// the real provider adds (a Talos machine-secrets bundle with a real service-account key, Vault's init output, the
/// referenced stack's outputs). Every secret carries <see cref="Marker"/>, so a leak is found by searching for it.
/// </summary>
public static class ProviderAnswers
{
    /// <summary>Every secret a provider answers with carries this.</summary>
    public const string Marker = "SECRET-MARKER";

    /// <summary>The Vault server's public IPv4 address, as Hetzner reports it (a documentation address).</summary>
    public const string VaultPublicAddress = "198.51.100.20";

    /// <summary>What `vault operator init -format=json` prints (the unseal keys and root token are markers).</summary>
    public static readonly string InitOutput =
        $$"""{"unseal_keys_b64":["{{Marker}}-unseal-1","{{Marker}}-unseal-2","{{Marker}}-unseal-3","{{Marker}}-unseal-4","{{Marker}}-unseal-5"],"role_id":"{{Marker}}-role-id","secret_id":"{{Marker}}-secret-id"}""";

    /// <summary>A real service-account key as Talos keeps it (base64 of PEM), so the public key can be derived.</summary>
    public static readonly string ServiceAccountKey = CreateServiceAccountKey(out ServiceAccountPublicKeyPem);

    public static readonly string ServiceAccountPublicKeyPem;

    private static string CreateServiceAccountKey(out string publicPem)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        publicPem = key.ExportSubjectPublicKeyInfoPem() + "\n";
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(key.ExportECPrivateKeyPem()));
    }

    /// <summary>The mocks of a run of <paramref name="source"/>'s stack, with what <paramref name="changes"/> alters.</summary>
    public static PlatformMocks For(StackConfigSource source, MockChanges? changes = null)
    {
        changes ??= new MockChanges();
        static ImmutableDictionary<string, object> None(MockResourceArgs _) => ImmutableDictionary<string, object>.Empty;
        static Func<MockResourceArgs, ImmutableDictionary<string, object>> With(params (string Key, object Value)[] values) =>
            _ => values.ToImmutableDictionary(v => v.Key, v => v.Value);

        var certificate = new Dictionary<string, object> { ["cert"] = "Y2VydA==", ["key"] = $"{Marker}-key" };
        var machineSecrets = new Dictionary<string, object>
        {
            ["certs"] = new Dictionary<string, object>
            {
                ["etcd"] = certificate,
                ["k8s"] = new Dictionary<string, object> { ["cert"] = Convert.ToBase64String(Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\nS8S-CA\n-----END CERTIFICATE-----")), ["key"] = $"{Marker}-k8s-key" },
                ["k8sAggregator"] = certificate,
                ["k8sServiceaccount"] = new Dictionary<string, object> { ["key"] = ServiceAccountKey },
                ["os"] = certificate,
            },
            ["cluster"] = new Dictionary<string, object> { ["id"] = "cluster-id", ["secret"] = $"{Marker}-cluster-secret" },
            ["secrets"] = new Dictionary<string, object> { ["bootstrapToken"] = $"{Marker}-bootstrap", ["secretboxEncryptionSecret"] = $"{Marker}-secretbox" },
            ["trustdinfo"] = new Dictionary<string, object> { ["token"] = $"{Marker}-trustd" },
        };
        var client = new Dictionary<string, object> { ["caCertificate"] = "talos-ca", ["clientCertificate"] = "talos-client", ["clientKey"] = $"{Marker}-talos-client-key" };
        var referenced = new Dictionary<string, object>
        {
            [StackOutputs.TailnetName] = "magellanic-gondola.ts.net",
            [StackOutputs.OperatorOAuthClientId] = $"{Marker}-prod-operator-id",
            [StackOutputs.OperatorOAuthClientSecret] = $"{Marker}-prod-operator-secret",
            [StackOutputs.VaultApiUrl] = "https://lushycorp-vault.magellanic-gondola.ts.net:8200",
            [StackOutputs.VaultCaCertificate] = "-----BEGIN CERTIFICATE-----\nPROD-VAULT-CA\n-----END CERTIFICATE-----\n",
            [StackOutputs.VaultStackCredentials] = new Dictionary<string, object>
            {
                ["dev"] = new Dictionary<string, object> { ["roleId"] = $"{Marker}-dev-role-id", ["secretId"] = $"{Marker}-dev-secret-id" },
            },
        };
        var schematicId = StableSchematicId(source);

        var resources = new Dictionary<string, Func<MockResourceArgs, ImmutableDictionary<string, object>>>
        {
            ["tazlab:tailnet:Tailnet"] = None,
            ["tazlab:tailnet:DeviceHygiene"] = None,
            ["tazlab:vault:VaultServer"] = None,
            ["tazlab:talos:TalosCluster"] = None,
            ["tazlab:dns:ClusterDns"] = None,
            ["tazlab:operator:TailscaleOperator"] = None,
            ["tazlab:vault:VaultKubernetesAuth"] = None,
            ["tazlab:secrets:BootstrapSecrets"] = None,
            ["tazlab:backup:VaultBackup"] = None,
            ["tazlab:backup:EtcdBackup"] = None,
            ["tailscale:index/acl:Acl"] = None,
            ["tailscale:index/oauthClient:OauthClient"] = args => With(("key", $"{Marker}-oauth-{args.Name}"))(args),
            ["tailscale:index/tailnetKey:TailnetKey"] = args => With(("key", $"{Marker}-tskey-{args.Name}"))(args),
            ["tls:index/privateKey:PrivateKey"] = args => With(("privateKeyPem", $"-----BEGIN PRIVATE KEY-----\n{Marker}-{args.Name}\n-----END PRIVATE KEY-----\n"))(args),
            ["tls:index/selfSignedCert:SelfSignedCert"] = With(("certPem", "-----BEGIN CERTIFICATE-----\nVAULT-CA\n-----END CERTIFICATE-----\n")),
            ["tls:index/certRequest:CertRequest"] = With(("certRequestPem", "-----BEGIN CERTIFICATE REQUEST-----\nCSR\n-----END CERTIFICATE REQUEST-----\n")),
            ["tls:index/locallySignedCert:LocallySignedCert"] = With(("certPem", "-----BEGIN CERTIFICATE-----\nVAULT-SERVER\n-----END CERTIFICATE-----\n")),
            ["hcloud:index/sshKey:SshKey"] = None,
            ["hcloud:index/firewall:Firewall"] = None,
            ["hcloud:index/server:Server"] = With(("ipv4Address", VaultPublicAddress)),
            ["command:remote:Command"] = args => With(("stdout", args.Name == "vault-init" ? InitOutput : string.Empty))(args),
            ["command:local:Command"] = With(("stdout", string.Empty)),
            ["pulumi:providers:proxmoxve"] = None,
            ["pulumi:providers:kubernetes"] = None,
            ["pulumi:providers:vault"] = None,
            ["talos:imageFactory/schematic:Schematic"] = None,
            ["proxmoxve:download/file:File"] = None,
            ["proxmoxve:index/vmLegacy:VmLegacy"] = None,
            ["talos:machine/secrets:Secrets"] = With(("machineSecrets", machineSecrets), ("clientConfiguration", client)),
            // As terraform-provider-talos v0.11.0's ModifyPlan: the SHA-256 of the configuration it renders (the input and
            // the patches), and the mode its dry run resolved (auto: no change here needs a reboot; a test may say staged).
            ["talos:machine/configurationApply:ConfigurationApply"] = args => With(
                ("machineConfigurationHash", ConfigurationHash(args)),
                ("resolvedApplyMode", "auto"))(args),
            ["talos:machine/bootstrap:Bootstrap"] = None,
            ["talos:cluster/kubeconfig:Kubeconfig"] = With(("kubeconfigRaw", $"apiVersion: v1\nkind: Config\n# {Marker}-kubeconfig\n")),
            ["kubernetes:yaml/v2:ConfigGroup"] = None,
            ["kubernetes:core/v1:Namespace"] = None,
            ["kubernetes:core/v1:Secret"] = None,
            ["kubernetes:helm.sh/v3:Release"] = None,
            ["vault:index/mount:Mount"] = None,
            ["vault:index/policy:Policy"] = None,
            ["vault:jwt/authBackend:AuthBackend"] = None,
            ["vault:jwt/authBackendRole:AuthBackendRole"] = None,
            ["tazlab:vault:VaultStackGrants"] = None,
            ["vault:appRole/authBackendRole:AuthBackendRole"] = args => With(("roleId", $"{Marker}-grant-role-id-{args.Name}"))(args),
            ["vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId"] = args => With(("secretId", $"{Marker}-grant-secret-id-{args.Name}"))(args),
            ["pulumi:pulumi:StackReference"] = With(("outputs", referenced), ("secretOutputNames", ImmutableArray.Create<object>(StackOutputs.OperatorOAuthClientId, StackOutputs.OperatorOAuthClientSecret, StackOutputs.VaultStackCredentials))),
        };
        var calls = new Dictionary<string, Func<MockCallArgs, ImmutableDictionary<string, object>>>
        {
            // What terraform-provider-talos v0.11.0 returns for a platform: a platform installer (nocloud-installer), never the metal one.
            ["talos:imageFactory/getUrls:getUrls"] = args => ImmutableDictionary<string, object>.Empty
                .Add("urls", new Dictionary<string, object>
                {
                    ["iso"] = $"https://factory.talos.dev/image/{args.Args["schematicId"]}/{args.Args["talosVersion"]}/{args.Args["platform"]}-amd64.iso",
                    ["installer"] = $"factory.talos.dev/{args.Args["platform"]}-installer/{args.Args["schematicId"]}:{args.Args["talosVersion"]}",
                })
                .Add("schematicId", args.Args["schematicId"]).Add("talosVersion", args.Args["talosVersion"]).Add("architecture", "amd64").Add("id", "urls"),
            // The generated configuration: the machine type and the patches it was given, so tests can see what went in.
            ["talos:machine/getConfiguration:getConfiguration"] = args => ImmutableDictionary<string, object>.Empty
                .Add("machineConfiguration", $"# machineType: {args.Args["machineType"]}\n# clusterEndpoint: {args.Args["clusterEndpoint"]}\n" + string.Join("\n---\n", ((ImmutableArray<object>)args.Args["configPatches"]).Cast<string>()))
                .Add("id", "configuration"),
            // tazlab vault unseal, run on every up (never in a preview): it prints nothing on stdout.
            ["command:local:run"] = args => ImmutableDictionary<string, object>.Empty.AddRange(args.Args).Add("stdout", string.Empty).Add("stderr", "vault: unsealed"),
            ["talos:client/getConfiguration:getConfiguration"] = _ => ImmutableDictionary<string, object>.Empty.Add("talosConfig", $"context: tazlab\n# {Marker}-talosconfig\n").Add("id", "talosconfig"),
        };
        var ids = new Dictionary<string, Func<MockResourceArgs, string>>
        {
            ["talos:imageFactory/schematic:Schematic"] = _ => schematicId,
            ["pulumi:pulumi:StackReference"] = args => args.Name ?? "reference",
            // As bpg/terraform-provider-proxmox forms it: <datastore>:<content type>/<file name>.
            ["proxmoxve:download/file:File"] = args => $"{args.Inputs["datastoreId"]}:{args.Inputs["contentType"]}/{args.Inputs["fileName"]}",
        };
        foreach (var type in resources.Keys.ToList())
        {
            var answer = resources[type];
            resources[type] = args => changes.Fails?.Invoke(args) == true
                ? throw new InvalidOperationException($"{args.Type} {args.Name} failed (as the test asked).")
                : answer(args).SetItems(changes.Outputs?.Invoke(args) ?? ImmutableDictionary<string, object>.Empty);
        }

        return new PlatformMocks(resources, calls, ids);
    }

    /// <summary>The schematic id Image Factory would return: the offline rendering's own computation of it.</summary>
    private static string StableSchematicId(StackConfigSource source)
    {
        var config = StackLoader.Validate(source, new DiagnosticBag());
        return config is null
            ? new string('0', 64)
            : TalosRenderer.Render(new RenderInput(config, PlatformNames.From(config), PlaceholderValues.Instance)).SchematicId;
    }

    private static string ConfigurationHash(MockResourceArgs args)
    {
        var rendered = $"{args.Inputs.GetValueOrDefault("machineConfigurationInput")}\n{string.Join("\n---\n", ((ImmutableArray<object>)args.Inputs["configPatches"]).Cast<string>())}";
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(rendered)));
    }
}
