using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Moq;
using Pulumi;
using Pulumi.Testing;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.Talos;
using Tazlab.Components.Secrets;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Infra.Tests.Engine;

/// <summary>
/// One run of the real program under engine mocks, for a stack of this repository (or an edited copy of its
/// configuration): what was registered, what the program returned, and each resource's arguments and options.
/// </summary>
public sealed class ProgramRun
{
    /// <summary>Every secret a test supplies carries this, so a leak is found by searching for it.</summary>
    public const string Marker = "SECRET-MARKER";

    /// <summary>The Vault server's public IPv4 address, as Hetzner reports it (a documentation address).</summary>
    public const string VaultPublicAddress = "198.51.100.20";

    public const string ProdReference = "organization/tazlab/prod";

    private ProgramRun(EngineInputs inputs, Mock<IStackSecrets> secrets, MockChanges? changes)
    {
        Inputs = inputs;
        Secrets = secrets;
        Mocks = CreateMocks(inputs.Source, changes ?? new MockChanges());
    }

    public EngineInputs Inputs { get; }

    public Mock<IStackSecrets> Secrets { get; }

    public PlatformMocks Mocks { get; }

    public PlatformDeployment? Deployment { get; internal set; }

    public ConcurrentBag<CapturedResource> Captured { get; } = [];

    public Exception? Error { get; private set; }

    /// <summary>The captured resources of one type (e.g. <c>hcloud:index/server:Server</c>).</summary>
    public IReadOnlyList<CapturedResource> OfType(string type) => Captured.Where(c => c.Type == type).ToList();

    public CapturedResource Single(string type, string name) => Captured.Single(c => c.Type == type && c.Name == name);

    public static Task<ProgramRun> Of(string stack) => Of(stack, source => source);

    /// <summary>Runs the program for a repository stack whose engine configuration <paramref name="edit"/> may change.</summary>
    public static Task<ProgramRun> Of(string stack, Func<StackConfigSource, StackConfigSource> edit) => Of(stack, edit, null);

    /// <summary>As <see cref="Of(string, Func{StackConfigSource, StackConfigSource})"/>, with what a provider answers changed (<paramref name="changes"/>).</summary>
    /// <param name="environment">The run's environment variables; by default the Tailscale OAuth client a user exports.</param>
    /// <param name="preview">Run as a preview (<c>pulumi preview</c>, and the first pass of <c>pulumi up</c>) instead of an update.</param>
    public static async Task<ProgramRun> Of(string stack, Func<StackConfigSource, StackConfigSource> edit, MockChanges? changes, IReadOnlyDictionary<string, string>? environment = null, bool preview = false)
    {
        var diagnostics = new DiagnosticBag();
        var project = PulumiProjectReader.Read(RepoPaths.Root, diagnostics)!;
        var source = edit(WithCredentials(StackFileReader.Read(RepoPaths.Root, stack, project, diagnostics)!));
        var secrets = new Mock<IStackSecrets>(MockBehavior.Strict);
        secrets.Setup(s => s.Require(It.IsAny<string>())).Returns((string key) => Output.CreateSecret($"{Marker}:{key}"));
        secrets.Setup(s => s.Get(It.IsAny<string>())).Returns((string key) => source.Values.ContainsKey(key) ? Output.CreateSecret($"{Marker}:{key}") : null);

        environment ??= DefaultEnvironment;
        var inputs = new EngineInputs(source, secrets.Object, RepoPaths.Root) { Environment = name => environment.GetValueOrDefault(name) };
        var run = new ProgramRun(inputs, secrets, changes);
        ProgramUnderTest.Current = run;
        try
        {
            await Pulumi.Deployment.TestAsync<ProgramUnderTest>(run.Mocks, new TestOptions { IsPreview = preview, ProjectName = "tazlab", StackName = stack });
        }
        catch (Exception e)
        {
            run.Error = e;
        }
        finally
        {
            ProgramUnderTest.Current = null;
        }

        return run;
    }

    private static string ConfigurationHash(MockResourceArgs args)
    {
        var rendered = $"{args.Inputs.GetValueOrDefault("machineConfigurationInput")}\n{string.Join("\n---\n", ((ImmutableArray<object>)args.Inputs["configPatches"]).Cast<string>())}";
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(rendered)));
    }

    /// <summary>What a user's shell holds for <c>pulumi up</c>: the Tailscale OAuth client exported, and talosctl installed (any existing file stands in for it).</summary>
    public static IReadOnlyDictionary<string, string> DefaultEnvironment { get; } = new Dictionary<string, string>
    {
        ["TAILSCALE_OAUTH_CLIENT_ID"] = "oauth-client-id",
        ["TAILSCALE_OAUTH_CLIENT_SECRET"] = $"{Marker}:tailscale-oauth-client-secret",
        ["TAZLAB_TALOSCTL"] = typeof(ProgramRun).Assembly.Location,
    };

    /// <summary>The repository's stack files hold no secrets: add the credentials <c>pulumi up</c> needs, as a user sets them.</summary>
    public static StackConfigSource WithCredentials(StackConfigSource source)
    {
        var values = source.Values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        values["proxmoxve:apiToken"] = new ConfigSecret("ciphertext");
        values["tazlab:fluxGitToken"] = new ConfigSecret("ciphertext");
        if (source.StackName == "prod")
        {
            values["hcloud:token"] = new ConfigSecret("ciphertext");
            values["tazlab:vaultSshPrivateKey"] = new ConfigSecret("ciphertext");
            values["tazlab:backupAccessKeyId"] = new ConfigSecret("ciphertext");
            values["tazlab:backupSecretAccessKey"] = new ConfigSecret("ciphertext");
            values["tazlab:backupPassword"] = new ConfigSecret("ciphertext");
        }

        return source with { Values = values };
    }

    /// <summary>Sets a structured key from its JSON text, as the engine passes it (e.g. <c>tazlab:talosNodes</c>).</summary>
    public static StackConfigSource WithJson(StackConfigSource source, string key, string json) =>
        With(source, key, EngineConfigReader.Read(source.ProjectName, source.StackName, new Dictionary<string, string> { [key] = json }, new HashSet<string>()).Values[key]);

    public static StackConfigSource Without(StackConfigSource source, string key) =>
        source with { Values = source.Values.Where(p => p.Key != key).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) };

    public static StackConfigSource With(StackConfigSource source, string key, ConfigValue value)
    {
        var values = source.Values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        values[key] = value;
        return source with { Values = values };
    }

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

    private static PlatformMocks CreateMocks(StackConfigSource source, MockChanges changes)
    {
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
}
