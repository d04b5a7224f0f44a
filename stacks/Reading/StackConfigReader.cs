using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Validation;

namespace Tazlab.Stacks.Reading;

/// <summary>
/// Builds the <see cref="StackConfig"/> record tree from a <see cref="StackConfigSource"/>. Every key the
/// program reads is read here, once; shape problems (missing, wrong type, unknown keys) are reported under
/// their key. Semantic rules live in <see cref="StackValidator"/>.
/// </summary>
public static class StackConfigReader
{
    private static readonly Dictionary<string, PartOwnership> OwnershipChoices = new(StringComparer.Ordinal)
    {
        ["own"] = PartOwnership.Own,
        ["reference"] = PartOwnership.Reference,
    };

    private static readonly Dictionary<string, NodeRole> RoleChoices = new(StringComparer.Ordinal)
    {
        ["controlplane"] = NodeRole.ControlPlane,
        ["worker"] = NodeRole.Worker,
    };

    private static readonly Dictionary<string, OAuthSecretSource> OAuthSourceChoices = new(StringComparer.Ordinal)
    {
        ["bootstrap"] = OAuthSecretSource.Bootstrap,
        ["vault"] = OAuthSecretSource.Vault,
    };

    private static readonly Dictionary<string, SshAction> SshActionChoices = new(StringComparer.Ordinal)
    {
        ["check"] = SshAction.Check,
        ["accept"] = SshAction.Accept,
    };

    private static readonly Dictionary<string, JwtValidationMode> JwtModeChoices = new(StringComparer.Ordinal)
    {
        ["pubkeys"] = JwtValidationMode.PublicKeys,
        ["jwks-url"] = JwtValidationMode.JwksUrl,
    };

    /// <summary>Reads the model; the result is usable only when <paramref name="diagnostics"/> has no errors.</summary>
    public static StackConfig Read(StackConfigSource source, DiagnosticBag diagnostics) =>
        Read(source, diagnostics, out MappingReader _);

    /// <summary>Reads the model and returns the keys that were read (the program's configuration surface).</summary>
    public static StackConfig Read(StackConfigSource source, DiagnosticBag diagnostics, out IReadOnlyList<KeyRead> keysRead)
    {
        var config = Read(source, diagnostics, out MappingReader reader);
        keysRead = reader.Reads;
        return config;
    }

    private static StackConfig Read(StackConfigSource source, DiagnosticBag diagnostics, out MappingReader reader)
    {
        var prefix = source.ProjectName + ":";
        var own = source.Values
            .Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key[prefix.Length..], pair => pair.Value, StringComparer.Ordinal);
        var r = new MappingReader(own, prefix, diagnostics);

        var ownership = ReadOwnership(r);
        var tailnet = ReadTailnet(r, ownership.TailnetPolicy == PartOwnership.Own);
        var config = new StackConfig(
            source.ProjectName,
            source.StackName,
            ownership,
            tailnet,
            ReadVault(r, ownership.VaultServer == PartOwnership.Own),
            ReadTalos(r) with
            {
                UpgradeBatchSize = r.Integer("talosUpgradeBatchSize", 1, 100),
                ConfigContract = r.OptionalString("talosConfigContract"),
            },
            ReadCoreDns(r),
            ReadOperator(r, tailnet, ownership.TailnetPolicy == PartOwnership.Own),
            ReadVaultAuth(r),
            ReadExternalSecrets(r),
            new BootstrapSecretsConfig(r.String("fluxGitUsername"), r.Secret("fluxGitToken")),
            ReadBackup(r),
            ReadDurations(r));

        r.ReportUnknownKeys();
        reader = r;
        return config;
    }

    private static BackupConfig ReadBackup(MappingReader r) => new(
        r.String("backupBucket", required: false),
        r.String("backupEndpoint", required: false),
        r.String("backupRegion", required: false),
        r.String("backupSchedule"),
        r.Integer("backupKeepDaily", 0, 1000),
        r.Integer("backupKeepWeekly", 0, 1000),
        r.Integer("backupKeepMonthly", 0, 1000),
        r.String("backupResticImage"),
        r.Secret("backupAccessKeyId"),
        r.Secret("backupSecretAccessKey"),
        r.Secret("backupPassword"));

    private static Ownership ReadOwnership(MappingReader r) => new(
        r.Choice("tailnetPolicy", OwnershipChoices, PartOwnership.Own),
        r.Choice("vaultServer", OwnershipChoices, PartOwnership.Own),
        r.OptionalString("referenceStack"),
        r.Boolean("protect"));

    private static TailnetConfig ReadTailnet(MappingReader r, bool owned)
    {
        var name = r.String("tailnetName");
        var tagOwners = r.Entries("tagOwners", required: owned)
            .Select(entry => new TagOwnership(
                entry.Key,
                MappingReader.ToStringList($"{r.KeyOf("tagOwners")}.{entry.Key}", entry.Value, r.Diagnostics)))
            .ToList();
        var intents = r.MappingList("accessIntents", item => new AccessIntent(
            item.String("name"),
            item.StringList("from"),
            item.String("to"),
            item.IntegerList("ports", 1, 65535)), required: owned);
        var denyTests = r.MappingList("denyTests", item => new DenyTest(
            item.String("from"),
            item.String("to"),
            item.IntegerList("ports", 1, 65535)), required: false);
        var clients = r.MappingList("oauthClients", item => new OAuthClientConfig(
            item.String("name"),
            item.StringList("scopes"),
            item.StringList("tags")), required: owned);
        var sshRules = r.MappingList("tailnetSshRules", item => new TailnetSshRule(
            item.StringList("from"),
            item.String("to"),
            item.StringList("users"),
            item.Choice("action", SshActionChoices, SshAction.Check)), required: false);

        if (!owned)
        {
            NotApplicable(r, "tagOwners", "accessIntents", "denyTests", "oauthClients", "tailnetSshRules");
        }

        return new TailnetConfig(
            name,
            tagOwners,
            intents,
            denyTests,
            clients,
            r.String("operatorOAuthClient"),
            r.Duration("authKeyExpiry"),
            sshRules);
    }

    private static VaultServerConfig ReadVault(MappingReader r, bool owned)
    {
        var config = new VaultServerConfig(
            r.String("vaultDeviceName"),
            r.StringList("vaultTags", required: owned),
            // Vault's cluster port is the next one (api_addr + 1), which must be a port too.
            r.Integer("vaultApiPort", 1, 65534),
            r.String("vaultLocation", required: owned),
            r.String("vaultServerType", required: owned),
            r.String("vaultImage", required: owned),
            r.String("vaultVersion", required: owned),
            r.String("vaultTailscaleVersion", required: owned),
            r.StringList("vaultSshSources", required: false),
            r.String("vaultKvMount"),
            r.String("vaultKvPrefix"),
            r.OptionalString("vaultSshPublicKey"),
            r.Secret("vaultSshPrivateKey"),
            r.MappingList("vaultStackGrants", item => new VaultStackGrant(
                item.String("stack"),
                item.String("jwtMount"),
                item.String("kvPrefix"),
                item.MappingList("roles", role =>
                {
                    var name = role.String("name");
                    var folders = role.StringList("secrets", required: false);
                    return new VaultGrantRole(name, folders.Count == 0 ? [name] : folders);
                }, required: false)), required: false));

        if (!owned)
        {
            NotApplicable(r, "vaultTags", "vaultLocation", "vaultServerType", "vaultImage", "vaultVersion", "vaultTailscaleVersion", "vaultSshPublicKey", "vaultSshPrivateKey", "vaultStackGrants");
        }

        return config;
    }

    private static TalosClusterConfig ReadTalos(MappingReader r) => new(
        r.String("talosClusterName"),
        r.String("talosVersion"),
        r.String("kubernetesVersion"),
        r.String("proxmoxEndpoint"),
        r.MappingList("talosNodes", item => new TalosNode(
            item.String("name"),
            item.Choice("role", RoleChoices, NodeRole.Worker),
            item.Integer("vmId", 100, 999_999_999),
            item.Integer("cores", 1, 256),
            item.Integer("memoryMiB", 512, 4 * 1024 * 1024),
            item.Integer("diskGiB", 1, 64 * 1024),
            item.Address("ip"),
            item.String("proxmoxNode"))),
        r.Network("nodeCidr"),
        r.Address("nodeGateway"),
        r.Network("podCidr"),
        r.Network("serviceCidr"),
        r.String("clusterDomain"),
        r.String("apiServerDeviceName"),
        r.StringList("talosExtensions"),
        r.StringList("talosTags"));

    private static CoreDnsConfig ReadCoreDns(MappingReader r) => new(
        r.Boolean("corednsUserManaged"),
        r.Address("corednsClusterIp"),
        r.Integer("corednsReplicas", 1, 20),
        r.StringList("corednsUpstreams"),
        r.String("corednsImage"),
        r.MultilineString("corednsExtraServerBlocks"));

    /// <summary>
    /// The operator's own tags are its OAuth client's tags: read from the client where this stack owns the
    /// policy, and from <c>operatorTags</c> where it references the owner's client.
    /// </summary>
    private static TailscaleOperatorConfig ReadOperator(MappingReader r, TailnetConfig tailnet, bool ownsPolicy)
    {
        // Required of a referencing stack: the validator says so with what it must hold.
        var operatorTags = r.StringList("operatorTags", required: false);
        if (ownsPolicy)
        {
            if (r.IsSet("operatorTags"))
            {
                r.Diagnostics.Error(r.KeyOf("operatorTags"), "is set, but this stack owns the tailnet policy and takes the operator's tags from its OAuth client", $"no value here (set tags on the oauthClients entry named by {r.KeyOf("operatorOAuthClient")})");
            }

            operatorTags = tailnet.OAuthClients.FirstOrDefault(c => c.Name == tailnet.OperatorOAuthClient)?.Tags ?? [];
        }

        return new TailscaleOperatorConfig(
            r.String("operatorChartVersion"),
            r.String("operatorNamespace"),
            r.Choice("operatorOAuthSource", OAuthSourceChoices, OAuthSecretSource.Bootstrap),
            r.StringList("operatorProxyTags"),
            operatorTags);
    }

    private static VaultKubernetesAuthConfig ReadVaultAuth(MappingReader r) => new(
        r.String("vaultJwtMount"),
        r.Choice("vaultJwtValidationMode", JwtModeChoices, JwtValidationMode.PublicKeys),
        r.MappingList("vaultJwtRoles", item =>
        {
            var name = item.String("name");
            var ttl = item.Duration("tokenTtl");
            var maxTtl = item.OptionalString("tokenMaxTtl") is null ? ttl : item.Duration("tokenMaxTtl");
            // Policies are the program's now, one per role: a named policy nobody wrote granted nothing, or another
            // stack's rights under the same name.
            if (item.IsSet("policies"))
            {
                item.Diagnostics.Error(item.KeyOf("policies"), "is no longer taken: each role gets its own policy, reading only the KV folders in secrets", $"secrets: [<folders under the stack's vaultKvPrefix>] (default: [{name}])");
                _ = item.StringList("policies", required: false);
            }

            var folders = item.StringList("secrets", required: false);
            return new JwtRole(
                name,
                item.String("namespace"),
                item.String("serviceAccount"),
                item.OptionalString("audience"),
                ttl,
                maxTtl,
                folders.Count == 0 ? [name] : folders);
        }, required: false));

    private static ExternalSecretsConfig ReadExternalSecrets(MappingReader r) => new(
        r.String("externalSecretsChartVersion"),
        r.String("externalSecretsNamespace"),
        r.String("externalSecretsStoreName"));

    private static Dictionary<string, TimeSpan> ReadDurations(MappingReader r)
    {
        var durations = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (node, value) in r.Entries("durationEstimates", required: false))
        {
            var key = $"{r.KeyOf("durationEstimates")}.{node}";
            if (value is ConfigScalar { IsNull: false } scalar && DurationParser.TryParse(scalar.Text, out var duration))
            {
                durations[node] = duration;
            }
            else
            {
                r.Diagnostics.Error(key, $"is {value.Describe()}", DurationParser.Expected);
            }
        }

        return durations;
    }

    /// <summary>Keys that configure a part this stack references: setting them would silently do nothing.</summary>
    private static void NotApplicable(MappingReader r, params string[] names)
    {
        foreach (var name in names)
        {
            if (r.IsSet(name))
            {
                r.Diagnostics.Error(r.KeyOf(name), "is set, but this stack references that part from another stack", "no value here (set it in the owning stack)");
            }
        }
    }
}
