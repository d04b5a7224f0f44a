using System.Net;
using System.Net.Sockets;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Reading;
using Tazlab.Stacks.Validation.Corefile;

namespace Tazlab.Stacks.Validation;

/// <summary>
/// The semantic rules of one stack's configuration: names, tags and their owners, networks, node
/// inventory, lifetimes and pinned versions. Each problem names its key and what would be valid.
/// </summary>
public sealed class StackValidator
{
    /// <summary>Tailscale refuses auth keys that live longer than 90 days.</summary>
    public static readonly TimeSpan MaxAuthKeyExpiry = TimeSpan.FromDays(90);

    /// <summary>Vault's default maximum lease (32 days): a role TTL beyond it is silently capped.</summary>
    public static readonly TimeSpan MaxVaultTokenTtl = TimeSpan.FromHours(768);

    /// <summary>Scopes a Tailscale OAuth client can be given.</summary>
    public static readonly IReadOnlySet<string> KnownOAuthScopes = new HashSet<string>(StringComparer.Ordinal)
    {
        "all", "all:read", "auth_keys", "auth_keys:read", "devices:core", "devices:core:read", "devices:routes",
        "devices:routes:read", "devices:posture_attributes", "devices:posture_attributes:read", "dns", "dns:read",
        "feature_settings", "feature_settings:read", "logs:configuration:read", "logs:network:read", "oauth_keys",
        "oauth_keys:read", "policy_file", "policy_file:read", "services", "services:read", "users", "users:read",
        "webhooks", "webhooks:read",
    };

    private readonly StackConfig _config;
    private readonly DiagnosticBag _bag;
    private readonly string _prefix;

    private StackValidator(StackConfig config, DiagnosticBag bag)
    {
        _config = config;
        _bag = bag;
        _prefix = config.ProjectName + ":";
    }

    public static void Validate(StackConfig config, DiagnosticBag diagnostics)
    {
        var v = new StackValidator(config, diagnostics);
        v.Ownership();
        v.Tailnet();
        v.Vault();
        v.Talos();
        v.Networks();
        v.CoreDns();
        v.Operator();
        v.VaultAuth();
        v.ExternalSecrets();
        v.BootstrapSecrets();
    }

    private string Key(string name) => _prefix + name;

    private static string Item(string key, int index, string field) => new ItemKey(key, index, field).ToString();

    private void Ownership()
    {
        var o = _config.Ownership;
        if (o.ReferencesAnything && o.ReferenceStack is null)
        {
            _bag.Error(Key("referenceStack"), "is missing, but this stack references another stack's parts", "the owning stack as organization/project/stack, e.g. organization/tazlab/prod");
        }
        else if (o.ReferenceStack is { } reference && reference.Split('/') is not [{ Length: > 0 }, { Length: > 0 }, { Length: > 0 }])
        {
            _bag.Error(Key("referenceStack"), $"'{reference}' is not a fully qualified stack name", "organization/project/stack, e.g. organization/tazlab/prod");
        }
        else if (!o.ReferencesAnything && o.ReferenceStack is not null)
        {
            _bag.Warning(Key("referenceStack"), "is set, but this stack owns everything and reads nothing from it", "no value, or tailnetPolicy/vaultServer set to reference");
        }

        if (o.ReferenceStackName is { } name && name == _config.StackName)
        {
            _bag.Error(Key("referenceStack"), "names this stack itself", "the stack that owns the tailnet policy");
        }
    }

    private void Tailnet()
    {
        var t = _config.Tailnet;
        if (!NameRules.IsTailnetName(t.Name))
        {
            _bag.Error(Key("tailnetName"), $"'{Show(t.Name)}' is not a tailnet name", NameRules.TailnetExpected);
        }

        if (t.AuthKeyExpiry <= TimeSpan.Zero || t.AuthKeyExpiry > MaxAuthKeyExpiry)
        {
            _bag.Error(Key("authKeyExpiry"), $"{DurationParser.Format(t.AuthKeyExpiry)} is out of range", "more than 0 and at most 90d (Tailscale's limit for auth keys)");
        }

        // Tags the stack applies itself are checked whether or not it owns the policy.
        CheckTags("vaultTags", _config.Vault.Tags, nonEmpty: _config.Ownership.VaultServer == PartOwnership.Own);
        CheckTags("talosTags", _config.Talos.Tags, nonEmpty: true);
        CheckTags("operatorProxyTags", _config.Operator.ProxyTags, nonEmpty: true);
        if (_config.Ownership.TailnetPolicy == PartOwnership.Reference)
        {
            if (_config.Operator.OperatorTags.Count == 0)
            {
                _bag.Error(Key("operatorTags"), "not set, but this stack references the tailnet policy: its operator joins with the owning stack's OAuth client", "the tags of that client, e.g. [tag:k8s-operator]");
            }

            CheckTags("operatorTags", _config.Operator.OperatorTags, nonEmpty: false);
        }

        if (_config.Ownership.TailnetPolicy != PartOwnership.Own)
        {
            return;
        }

        foreach (var owner in t.TagOwners)
        {
            var key = $"{Key("tagOwners")}.{owner.Tag}";
            if (!NameRules.IsTag(owner.Tag))
            {
                _bag.Error(key, $"'{Show(owner.Tag)}' is not a tag", NameRules.TagExpected);
            }

            for (var i = 0; i < owner.Owners.Count; i++)
            {
                if (owner.Owners[i].StartsWith("tag", StringComparison.Ordinal) && !NameRules.IsTag(owner.Owners[i]))
                {
                    _bag.Error($"{key}[{i}]", $"'{Show(owner.Owners[i])}' is not a tag", NameRules.TagExpected);
                }
                else if (!NameRules.IsTagOwner(owner.Owners[i]))
                {
                    _bag.Error($"{key}[{i}]", $"'{Show(owner.Owners[i])}' names no one the tailnet policy knows", NameRules.TagOwnerExpected);
                }
            }
        }

        var intentsKey = Key("accessIntents");
        Unique(intentsKey, t.AccessIntents.Select(a => a.Name).ToList(), "name");
        for (var i = 0; i < t.AccessIntents.Count; i++)
        {
            var intent = t.AccessIntents[i];
            if (intent.Sources.Count == 0)
            {
                _bag.Error(Item(intentsKey, i, "from"), "is empty", "at least one source (a tag, group:…, autogroup:… or a user)");
            }

            for (var s = 0; s < intent.Sources.Count; s++)
            {
                CheckSource(new ItemKey(intentsKey, i, "from", s), intent.Sources[s]);
            }

            CheckDestination(new ItemKey(intentsKey, i, "to"), intent.Destination);
            if (intent.Ports.Count == 0)
            {
                _bag.Error(Item(intentsKey, i, "ports"), "is empty", "at least one TCP port");
            }
        }

        var denyTestsKey = Key("denyTests");
        for (var i = 0; i < t.DenyTests.Count; i++)
        {
            CheckSource(new ItemKey(denyTestsKey, i, "from"), t.DenyTests[i].Source);
            CheckDestination(new ItemKey(denyTestsKey, i, "to"), t.DenyTests[i].Destination);
            if (t.DenyTests[i].Ports.Count == 0)
            {
                _bag.Error(Item(denyTestsKey, i, "ports"), "is empty", "at least one TCP port that must stay closed");
            }
        }

        SshRules(t);
        OAuthClients(t);
        if (!_bag.IsInError(Key("tagOwners")))
        {
            TagOwnersCoverUse(t);
        }
    }

    private void SshRules(TailnetConfig t)
    {
        var key = Key("tailnetSshRules");
        for (var i = 0; i < t.SshRules.Count; i++)
        {
            var rule = t.SshRules[i];
            if (rule.Sources.Count == 0)
            {
                _bag.Error(Item(key, i, "from"), "is empty", "at least one source (a tag, group:…, autogroup:… or a user)");
            }

            for (var s = 0; s < rule.Sources.Count; s++)
            {
                CheckSource(new ItemKey(key, i, "from", s), rule.Sources[s]);
            }

            CheckDestination(new ItemKey(key, i, "to"), rule.Destination);
            if (rule.Users.Count == 0)
            {
                _bag.Error(Item(key, i, "users"), "is empty", "the local users the session may log in as, e.g. [autogroup:nonroot]");
            }

            for (var u = 0; u < rule.Users.Count; u++)
            {
                if (rule.Users[u] == "*" || rule.Users[u].Any(char.IsWhiteSpace) || rule.Users[u].Length == 0)
                {
                    _bag.Error($"{Item(key, i, "users")}[{u}]", $"'{Show(rule.Users[u])}' does not name a local user", "a user name such as root, or autogroup:nonroot");
                }
            }
        }
    }

    private void OAuthClients(TailnetConfig t)
    {
        var key = Key("oauthClients");
        Unique(key, t.OAuthClients.Select(c => c.Name).ToList(), "name");
        for (var i = 0; i < t.OAuthClients.Count; i++)
        {
            var client = t.OAuthClients[i];
            if (!NameRules.IsRfc1123Label(client.Name.Replace('_', '-')))
            {
                _bag.Error(Item(key, i, "name"), $"'{Show(client.Name)}' is not a client name", "letters, digits, '-' or '_'");
            }

            if (client.Scopes.Count == 0)
            {
                _bag.Error(Item(key, i, "scopes"), "is empty", "at least one scope, e.g. auth_keys or devices:core");
            }

            for (var s = 0; s < client.Scopes.Count; s++)
            {
                if (!KnownOAuthScopes.Contains(client.Scopes[s]))
                {
                    _bag.Error($"{Item(key, i, "scopes")}[{s}]", $"'{Show(client.Scopes[s])}' is not a Tailscale OAuth scope" + Suggestions.DidYouMean(client.Scopes[s], KnownOAuthScopes), "a scope such as auth_keys, devices:core or services");
                }
            }

            if (client.Tags.Count == 0 && client.Scopes.Any(s => s is "auth_keys" or "devices:core" or "all"))
            {
                _bag.Error(Item(key, i, "tags"), "is empty, but the scopes include auth_keys or devices:core", "the tags this client may apply (Tailscale requires them for these scopes)");
            }

            CheckTags($"oauthClients[{i}].tags", client.Tags, nonEmpty: false);
        }

        if (!t.OAuthClients.Any(c => c.Name == t.OperatorOAuthClient))
        {
            _bag.Error(
                Key("operatorOAuthClient"),
                $"'{Show(t.OperatorOAuthClient)}' names no OAuth client" + Suggestions.DidYouMean(t.OperatorOAuthClient, t.OAuthClients.Select(c => c.Name)),
                t.OAuthClients.Count == 0 ? $"an entry in {Key("oauthClients")} for the Kubernetes operator" : $"one of: {string.Join(", ", t.OAuthClients.Select(c => c.Name))}");
        }
    }

    /// <summary>Every tag the platform uses anywhere needs an owner, or Tailscale refuses it.</summary>
    private void TagOwnersCoverUse(TailnetConfig t)
    {
        var owned = t.TagOwners.Select(o => o.Tag).ToHashSet(StringComparer.Ordinal);

        // Keys are only spelled out for a tag without an owner: a valid estate has hundreds of uses and no report.
        void List(IReadOnlyList<string> tags, string key, int? item = null, string? field = null)
        {
            for (var j = 0; j < tags.Count; j++)
            {
                One(tags[j], key, item, field, j);
            }
        }

        void One(string tag, string key, int? item, string? field, int? index = null)
        {
            if (!NameRules.IsTag(tag) || owned.Contains(tag))
            {
                return;
            }

            var where = item is { } i ? new ItemKey(key, i, field!, index).ToString() : index is { } j ? $"{key}[{j}]" : key;
            _bag.Error(where, $"uses {tag}, which has no owner", $"an entry for {tag} under {Key("tagOwners")}");
        }

        List(_config.Vault.Tags, Key("vaultTags"));
        List(_config.Talos.Tags, Key("talosTags"));
        List(_config.Operator.ProxyTags, Key("operatorProxyTags"));
        var clientsKey = Key("oauthClients");
        for (var i = 0; i < t.OAuthClients.Count; i++)
        {
            List(t.OAuthClients[i].Tags, clientsKey, i, "tags");
        }

        var intentsKey = Key("accessIntents");
        for (var i = 0; i < t.AccessIntents.Count; i++)
        {
            List(t.AccessIntents[i].Sources, intentsKey, i, "from");
            One(t.AccessIntents[i].Destination, intentsKey, i, "to");
        }

        var sshRulesKey = Key("tailnetSshRules");
        for (var i = 0; i < t.SshRules.Count; i++)
        {
            List(t.SshRules[i].Sources, sshRulesKey, i, "from");
            One(t.SshRules[i].Destination, sshRulesKey, i, "to");
        }

        var denyTestsKey = Key("denyTests");
        for (var i = 0; i < t.DenyTests.Count; i++)
        {
            One(t.DenyTests[i].Source, denyTestsKey, i, "from");
            One(t.DenyTests[i].Destination, denyTestsKey, i, "to");
        }

        var tagOwnersKey = Key("tagOwners");
        foreach (var owner in t.TagOwners)
        {
            List(owner.Owners, $"{tagOwnersKey}.{owner.Tag}");
        }
    }

    private void Vault()
    {
        var v = _config.Vault;
        Label("vaultDeviceName", v.DeviceName);
        if (!NameRules.IsVaultPath(v.KvMount))
        {
            _bag.Error(Key("vaultKvMount"), $"'{Show(v.KvMount)}' is not a mount path", NameRules.PathSegmentExpected);
        }

        if (!NameRules.IsVaultPath(v.KvPrefix))
        {
            _bag.Error(Key("vaultKvPrefix"), $"'{Show(v.KvPrefix)}' is not a path prefix", NameRules.PathSegmentExpected);
        }

        if (_config.Ownership.VaultServer != PartOwnership.Own)
        {
            return;
        }

        if (v.SshPublicKey is { } publicKey && !NameRules.IsSshPublicKey(publicKey))
        {
            _bag.Error(Key("vaultSshPublicKey"), $"'{Show(publicKey)}' is not an SSH public key", NameRules.SshPublicKeyExpected);
        }

        Pinned("vaultVersion", v.VaultVersion);
        Pinned("vaultTailscaleVersion", v.TailscaleVersion);
        Pinned("vaultImage", v.Image, NameRules.IsFloating(v.Image) ? null : v.Image.Length > 0);
        // The auth key goes over SSH on the public address before the VM is on the tailnet: someone must be let in.
        if (v.SshSources.Count == 0)
        {
            _bag.Error(Key("vaultSshSources"), "is empty, but the Vault VM's auth key reaches it over SSH on its public address before it joins the tailnet", "the public CIDRs of the machines that run pulumi up when the VM is created or replaced, e.g. [203.0.113.7/32]");
        }

        StackGrants(v);
        for (var i = 0; i < v.SshSources.Count; i++)
        {
            if (!IPNetwork.TryParse(v.SshSources[i], out var source) || source.ToString() != v.SshSources[i])
            {
                _bag.Error($"{Key("vaultSshSources")}[{i}]", $"'{Show(v.SshSources[i])}' is not a CIDR", "a source network such as 203.0.113.7/32");
            }
            else if (v.SshSources[i].EndsWith("/0", StringComparison.Ordinal))
            {
                _bag.Error($"{Key("vaultSshSources")}[{i}]", "opens SSH to the whole internet", "specific source networks: the machines that run pulumi up when the VM is created or replaced");
            }
        }
    }

    /// <summary>
    /// Each grant's credential may touch only its stack's mount, and the owner writes that stack's policies: the names
    /// must be the stack's own, distinct from this stack's and from every other grant's.
    /// </summary>
    private void StackGrants(VaultServerConfig v)
    {
        var key = Key("vaultStackGrants");
        Unique(key, v.StackGrants.Select(g => g.Stack).ToList(), "stack");
        Unique(key, v.StackGrants.Select(g => g.JwtMount).ToList(), "jwtMount");
        var ownPrefix = VaultAuthNames.RolePolicyPrefix(_config.VaultAuth.MountPath);
        static bool Meet(string a, string b) => a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);
        if (Meet(VaultAuthNames.ProgramCredentialPrefix, ownPrefix) || Meet(VaultAuthNames.GrantPrefix, ownPrefix))
        {
            _bag.Error(Key("vaultJwtMount"), $"'{Show(_config.VaultAuth.MountPath)}' names role policies '{ownPrefix}*', which would cover the programs' credentials ({VaultAuthNames.ProgramCredentialPrefix}*, {VaultAuthNames.GrantPrefix}*)", "a mount that does not start the word 'tazlab', e.g. jwt");
        }

        if (v.StackGrants.Count > 0 && !NameRules.IsAtLeast(v.VaultVersion, 1, 21))
        {
            _bag.Error(Key("vaultVersion"), $"{Show(v.VaultVersion)} matches allowed_parameters lists as a whole, so a grant's credential could not be held to its policies", "1.21.0 or later (Vault matches list parameters element by element from 1.21)");
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < v.StackGrants.Count; i++)
        {
            var grant = v.StackGrants[i];
            if (!NameRules.IsStackName(grant.Stack))
            {
                _bag.Error(Item(key, i, "stack"), $"'{Show(grant.Stack)}' is not a stack name", NameRules.StackNameExpected);
            }
            else if (grant.Stack == _config.StackName)
            {
                _bag.Error(Item(key, i, "stack"), $"'{grant.Stack}' is this stack, whose credential its own init creates", "a stack that references this one's Vault");
            }

            if (!NameRules.IsVaultPath(grant.JwtMount) || grant.JwtMount.Contains('/', StringComparison.Ordinal))
            {
                _bag.Error(Item(key, i, "jwtMount"), $"'{Show(grant.JwtMount)}' is not a mount name", NameRules.PathSegmentExpected);
            }
            else if (grant.JwtMount == _config.VaultAuth.MountPath || grant.JwtMount == VaultAuthNames.AppRoleMount)
            {
                _bag.Error(Item(key, i, "jwtMount"), $"'{grant.JwtMount}' is this stack's own mount", $"the referencing stack's own vaultJwtMount, e.g. jwt-{grant.Stack}");
            }

            if (!NameRules.IsVaultPath(grant.KvPrefix) || NameRules.KvPrefixesOverlap(grant.KvPrefix, v.KvPrefix))
            {
                _bag.Error(Item(key, i, "kvPrefix"), $"'{Show(grant.KvPrefix)}' is not a KV folder of its own (this stack reads {v.KvPrefix}/)", "the referencing stack's own vaultKvPrefix, a folder outside this stack's");
            }
            else if (v.StackGrants.Take(i).FirstOrDefault(g => NameRules.KvPrefixesOverlap(g.KvPrefix, grant.KvPrefix)) is { } other)
            {
                _bag.Error(Item(key, i, "kvPrefix"), $"'{grant.KvPrefix}' overlaps stack {other.Stack}'s '{other.KvPrefix}': each stack's roles would read the other's secrets", "a KV folder of this stack's own");
            }

            var rolesKey = Item(key, i, "roles");
            Unique(rolesKey, grant.Roles.Select(r => r.Name).ToList(), "name");
            List<string> policies = [VaultAuthNames.GrantCredential(grant.Stack), VaultAuthNames.ReaderPolicy(grant.Stack, ownsVault: false)];
            for (var r = 0; r < grant.Roles.Count; r++)
            {
                var role = grant.Roles[r];
                if (!NameRules.IsVaultPath(role.Name) || role.Name.Contains('/', StringComparison.Ordinal) || role.Name is "eso-reader" or VaultAuthNames.ExternalSecretsRole)
                {
                    _bag.Error($"{rolesKey}[{r}].name", $"'{Show(role.Name)}' is not a role name of the stack's own", "the name of one of its vaultJwtRoles: letters, digits, '-' or '_'");
                }

                for (var f = 0; f < role.SecretFolders.Count; f++)
                {
                    if (!NameRules.IsVaultPath(role.SecretFolders[f]) || role.SecretFolders[f].Contains('/', StringComparison.Ordinal) || role.SecretFolders[f] is "." or "..")
                    {
                        _bag.Error($"{rolesKey}[{r}].secrets[{f}]", $"'{Show(role.SecretFolders[f])}' is not a folder name", "one folder under the grant's kvPrefix: letters, digits, '-', '_' or '.'");
                    }
                }

                policies.Add(VaultAuthNames.GrantRolePolicy(grant.Stack, role.Name));
            }

            // tazlab-grant-dev-x is stack dev's role x and stack dev-x's credential alike.
            foreach (var policy in policies)
            {
                if (names.TryGetValue(policy, out var other) && other != grant.Stack)
                {
                    _bag.Error(Item(key, i, "stack"), $"the policy {policy} of stack {grant.Stack} is also stack {other}'s", "stack and role names whose policy names do not meet");
                }

                names.TryAdd(policy, grant.Stack);
            }
        }
    }

    /// <summary>The Image Factory extension that puts each Talos node on the tailnet.</summary>
    public const string TailscaleExtension = "siderolabs/tailscale";

    private void Talos()
    {
        var t = _config.Talos;
        Label("talosClusterName", t.ClusterName);
        Label("apiServerDeviceName", t.ApiServerDeviceName);
        Pinned("talosVersion", t.TalosVersion);
        Pinned("kubernetesVersion", t.KubernetesVersion);
        if (!NameRules.IsDnsSubdomain(t.ClusterDomain))
        {
            _bag.Error(Key("clusterDomain"), $"'{Show(t.ClusterDomain)}' is not a domain", NameRules.DnsSubdomainExpected);
        }

        if (!Uri.TryCreate(t.ProxmoxEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            _bag.Error(Key("proxmoxEndpoint"), $"'{Show(t.ProxmoxEndpoint)}' is not an https URL", "the Proxmox API URL, e.g. https://pve.example.internal:8006/");
        }

        for (var i = 0; i < t.Extensions.Count; i++)
        {
            if (t.Extensions[i].Split('/') is not [{ Length: > 0 } owner, { Length: > 0 } name] || !NameRules.IsRfc1123Label(owner) || !NameRules.IsRfc1123Label(name))
            {
                _bag.Error($"{Key("talosExtensions")}[{i}]", $"'{Show(t.Extensions[i])}' is not an extension name", "an Image Factory extension such as siderolabs/tailscale");
            }
        }

        // Every node's configuration joins the tailnet through this extension's service (its ExtensionServiceConfig),
        // and the API server is reached by the tailnet name it gives: without it the configuration names a service
        // that does not exist, and the cluster is never on the tailnet.
        if (!t.Extensions.Contains(TailscaleExtension, StringComparer.Ordinal))
        {
            _bag.Error(Key("talosExtensions"), $"lacks {TailscaleExtension}, yet every node joins the tailnet through it (the API server's name {t.ApiServerDeviceName} is its device)", $"a list with {TailscaleExtension}, e.g. [{TailscaleExtension}, siderolabs/qemu-guest-agent]");
        }

        var key = Key("talosNodes");
        for (var i = 0; i < t.Nodes.Count; i++)
        {
            if (!NameRules.IsRfc1123Label(t.Nodes[i].Name))
            {
                _bag.Error(Item(key, i, "name"), $"'{Show(t.Nodes[i].Name)}' is not a hostname", NameRules.Rfc1123LabelExpected);
            }

            if (!NameRules.IsRfc1123Label(t.Nodes[i].ProxmoxNode))
            {
                _bag.Error(Item(key, i, "proxmoxNode"), $"'{Show(t.Nodes[i].ProxmoxNode)}' is not a Proxmox node name", NameRules.Rfc1123LabelExpected);
            }
        }

        Unique(key, t.Nodes.Select(n => n.Name).ToList(), "name");
        Unique(key, t.Nodes.Select(n => n.VmId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), "vmId");
        Unique(key, t.Nodes.Select(n => n.Ip.ToString()).ToList(), "ip");

        var controlPlanes = t.ControlPlane.Count();
        if (controlPlanes == 0 && !_bag.IsInError(key))
        {
            _bag.Error(key, "has no control-plane node", "at least one node with role: controlplane");
        }
        else if (controlPlanes > 0 && controlPlanes % 2 == 0)
        {
            _bag.Warning(key, $"has {controlPlanes} control-plane nodes: etcd keeps quorum no better than with {controlPlanes - 1}", "an odd number of control-plane nodes (1, 3 or 5)");
        }
    }

    private void Networks()
    {
        var t = _config.Talos;
        string[] cidrKeys = [Key("nodeCidr"), Key("podCidr"), Key("serviceCidr")];
        if (cidrKeys.Any(_bag.IsInError))
        {
            return;
        }

        (string Key, IPNetwork Network)[] networks = [(cidrKeys[0], t.NodeNetwork), (cidrKeys[1], t.PodNetwork), (cidrKeys[2], t.ServiceNetwork)];
        for (var a = 0; a < networks.Length; a++)
        {
            for (var b = a + 1; b < networks.Length; b++)
            {
                if (Overlaps(networks[a].Network, networks[b].Network))
                {
                    _bag.Error(networks[b].Key, $"{networks[b].Network} overlaps {networks[a].Key} ({networks[a].Network})", "node, pod and service networks that do not overlap");
                }
            }
        }

        var nodesKey = Key("talosNodes");
        for (var i = 0; i < t.Nodes.Count; i++)
        {
            InsideHostRange(Item(nodesKey, i, "ip"), t.Nodes[i].Ip, t.NodeNetwork, "nodeCidr");
        }

        InsideHostRange(Key("nodeGateway"), t.NodeGateway, t.NodeNetwork, "nodeCidr");
        foreach (var (node, i) in t.Nodes.Select((n, i) => (n, i)).Where(x => x.n.Ip.Equals(t.NodeGateway)))
        {
            _bag.Error(Item(nodesKey, i, "ip"), $"{node.Ip} is the gateway's address", "a node address other than nodeGateway");
        }
    }

    private void CoreDns()
    {
        var c = _config.CoreDns;
        // Held back only when the service network itself could not be read; an overlap with another network is a
        // separate problem, and the address can still be checked against it.
        var services = _config.Talos.ServiceNetwork;
        if (!services.BaseAddress.Equals(IPAddress.None))
        {
            InsideHostRange(Key("corednsClusterIp"), c.ClusterIp, services, "serviceCidr");
            // The first address of the service network is the kubernetes Service's (the API server's cluster IP).
            if (!_bag.IsInError(Key("corednsClusterIp")) && c.ClusterIp.Equals(FirstHost(services)))
            {
                _bag.Error(Key("corednsClusterIp"), $"{c.ClusterIp} is the first address of {Key("serviceCidr")} ({services}), which the kubernetes Service takes", $"another host address inside {services}, e.g. the tenth");
            }
        }

        for (var i = 0; i < c.Upstreams.Count; i++)
        {
            var key = $"{Key("corednsUpstreams")}[{i}]";
            _ = Reading.MappingReader.ParseAddress(key, c.Upstreams[i], _bag);
        }

        if (c.Upstreams.Count == 0)
        {
            _bag.Error(Key("corednsUpstreams"), "is empty", "at least one upstream resolver address");
        }

        Image("corednsImage", c.Image);

        // A bad fragment would crash-loop CoreDNS at deploy time (failure 6): report it here, by line.
        var extra = CorefileParser.Parse(c.ExtraServerBlocks, PlatformServerBlocks.Keys(_config.Tailnet.Name));
        if (extra.Errors is [var first, ..])
        {
            // CoreDNS, too, stops at the first problem; the rest often follow from it.
            _bag.Error(Key("corednsExtraServerBlocks"), $"line {first.Line}: {first.Problem}", first.Expected);
        }
    }

    private void Operator()
    {
        var o = _config.Operator;
        Pinned("operatorChartVersion", o.ChartVersion);
        Label("operatorNamespace", o.Namespace);
    }

    private void VaultAuth()
    {
        var a = _config.VaultAuth;
        if (!NameRules.IsVaultPath(a.MountPath))
        {
            _bag.Error(Key("vaultJwtMount"), $"'{Show(a.MountPath)}' is not a mount path", NameRules.PathSegmentExpected);
        }

        var key = Key("vaultJwtRoles");
        Unique(key, a.Roles.Select(r => r.Name).ToList(), "name");
        for (var i = 0; i < a.Roles.Count; i++)
        {
            var role = a.Roles[i];
            if (!NameRules.IsVaultPath(role.Name) || role.Name.Contains('/', StringComparison.Ordinal))
            {
                _bag.Error(Item(key, i, "name"), $"'{Show(role.Name)}' is not a role name", "letters, digits, '-' or '_'");
            }

            // A wildcard or empty part would bind every service account: no bound subject at all.
            if (!NameRules.IsRfc1123Label(role.Namespace))
            {
                _bag.Error(Item(key, i, "namespace"), $"'{Show(role.Namespace)}' does not name one namespace, so the role has no bound subject", "a Kubernetes namespace (" + NameRules.Rfc1123LabelExpected + ")");
            }

            if (!NameRules.IsDnsSubdomain(role.ServiceAccount) || role.ServiceAccount.Length == 0)
            {
                _bag.Error(Item(key, i, "serviceAccount"), $"'{Show(role.ServiceAccount)}' does not name one service account, so the role has no bound subject", "a service account name (" + NameRules.DnsSubdomainExpected + ")");
            }

            if (role.TokenTtl <= TimeSpan.Zero || role.TokenTtl > MaxVaultTokenTtl)
            {
                _bag.Error(Item(key, i, "tokenTtl"), $"{DurationParser.Format(role.TokenTtl)} is out of range", "more than 0 and at most 768h (Vault's default maximum lease); keep it short: JWT auth cannot revoke a token early");
            }

            if (role.TokenMaxTtl < role.TokenTtl || role.TokenMaxTtl > MaxVaultTokenTtl)
            {
                _bag.Error(Item(key, i, "tokenMaxTtl"), $"{DurationParser.Format(role.TokenMaxTtl)} is out of range", $"at least tokenTtl ({DurationParser.Format(role.TokenTtl)}) and at most 768h");
            }

            for (var f = 0; f < role.SecretFolders.Count; f++)
            {
                // One path segment: a '/', '*', '+' or '..' would widen the policy beyond the folder.
                if (!NameRules.IsVaultPath(role.SecretFolders[f]) || role.SecretFolders[f].Contains('/', StringComparison.Ordinal) || role.SecretFolders[f] is "." or "..")
                {
                    _bag.Error($"{Item(key, i, "secrets")}[{f}]", $"'{Show(role.SecretFolders[f])}' is not a folder name", "one folder under the stack's vaultKvPrefix: letters, digits, '-', '_' or '.'");
                }
            }

            if (role.Name == VaultAuthNames.ExternalSecretsRole)
            {
                _bag.Error(Item(key, i, "name"), $"'{role.Name}' is External Secrets' own role, which the platform creates", "another name");
            }
        }
    }

    private void BootstrapSecrets()
    {
        var username = _config.BootstrapSecrets.FluxGitUsername;
        if (username.Length == 0 || username.Length > 100 || username.Any(char.IsWhiteSpace))
        {
            _bag.Error(Key("fluxGitUsername"), $"'{Show(username)}' is not a Git user name", "1-100 characters with no spaces, e.g. git or x-access-token");
        }
    }

    private void ExternalSecrets()
    {
        var e = _config.ExternalSecrets;
        Pinned("externalSecretsChartVersion", e.ChartVersion);
        Label("externalSecretsNamespace", e.Namespace);
        if (!NameRules.IsDnsSubdomain(e.StoreName) || e.StoreName.Length == 0)
        {
            _bag.Error(Key("externalSecretsStoreName"), $"'{Show(e.StoreName)}' is not a resource name", NameRules.DnsSubdomainExpected);
        }
    }

    private void CheckTags(string name, IReadOnlyList<string> tags, bool nonEmpty)
    {
        var key = name.Contains('[', StringComparison.Ordinal) ? _prefix + name : Key(name);
        if (nonEmpty && tags.Count == 0)
        {
            _bag.Error(key, "is empty", "at least one tag, e.g. [tag:example]");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (!NameRules.IsTag(tags[i]))
            {
                _bag.Error($"{key}[{i}]", $"'{Show(tags[i])}' is not a tag", NameRules.TagExpected);
            }
        }
    }

    private void CheckSource(ItemKey key, string source)
    {
        var looksLikeTag = source.StartsWith("tag", StringComparison.Ordinal);
        var valid = looksLikeTag
            ? NameRules.IsTag(source)
            : source.StartsWith("group:", StringComparison.Ordinal) || source.StartsWith("autogroup:", StringComparison.Ordinal) || (source.Contains('@', StringComparison.Ordinal) && !source.Any(char.IsWhiteSpace));
        if (source == "*")
        {
            _bag.Error(key.ToString(), "'*' lets every device in", "a tag, group:…, autogroup:… or a user: default deny means naming who may connect");
        }
        else if (!valid)
        {
            _bag.Error(key.ToString(), $"'{Show(source)}' is not a policy source", looksLikeTag ? NameRules.TagExpected : "a tag, group:…, autogroup:… or a user e-mail");
        }
    }

    private void CheckDestination(ItemKey key, string destination)
    {
        if (destination == "*")
        {
            _bag.Error(key.ToString(), "'*' opens every device", "one tag: default deny means naming what may be reached");
        }
        else if (!NameRules.IsTag(destination))
        {
            _bag.Error(key.ToString(), $"'{Show(destination)}' is not a tag", NameRules.TagExpected);
        }
    }

    private void Label(string name, string value)
    {
        if (!NameRules.IsRfc1123Label(value))
        {
            _bag.Error(Key(name), $"'{Show(value)}' is not a valid name", NameRules.Rfc1123LabelExpected);
        }
    }

    private void Pinned(string name, string version, bool? valid = null)
    {
        if (NameRules.IsFloating(version))
        {
            _bag.Error(Key(name), $"'{Show(version)}' is not pinned", NameRules.SemverExpected);
        }
        else if (!(valid ?? NameRules.IsPinnedVersion(version)))
        {
            _bag.Error(Key(name), $"'{Show(version)}' is not a pinned version", NameRules.SemverExpected);
        }
    }

    private void Image(string name, string image)
    {
        if (!NameRules.IsPinnedImage(image))
        {
            _bag.Error(Key(name), $"'{Show(image)}' is not pinned", NameRules.ImageExpected);
        }
    }

    private void Unique(string listKey, IReadOnlyList<string> values, string field)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length == 0)
            {
                continue;
            }

            if (seen.TryGetValue(values[i], out var first))
            {
                _bag.Error(Item(listKey, i, field), $"'{Show(values[i])}' repeats {Item(listKey, first, field)}", $"each {field} used once");
            }
            else
            {
                seen[values[i]] = i;
            }
        }
    }

    private void InsideHostRange(string key, IPAddress address, IPNetwork network, string networkName)
    {
        if (_bag.IsInError(key) || address.Equals(IPAddress.None))
        {
            return;
        }

        if (!network.Contains(address))
        {
            _bag.Error(key, $"{address} is outside {Key(networkName)} ({network})", $"an address inside {network}");
        }
        else if (address.Equals(network.BaseAddress) || address.Equals(Broadcast(network)))
        {
            var what = address.Equals(network.BaseAddress) ? "network" : "broadcast";
            _bag.Error(key, $"{address} is the {what} address of {network}", $"a host address inside {network}");
        }
    }

    private static IPAddress FirstHost(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        for (var i = bytes.Length - 1; i >= 0 && ++bytes[i] == 0; i--)
        {
        }

        return new IPAddress(bytes);
    }

    private static bool Overlaps(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);

    private static IPAddress Broadcast(IPNetwork network)
    {
        if (network.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            return IPAddress.None;
        }

        var bytes = network.BaseAddress.GetAddressBytes();
        var hostBits = 32 - network.PrefixLength;
        var value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        var broadcast = hostBits == 32 ? uint.MaxValue : value | ((1u << hostBits) - 1);
        return new IPAddress([(byte)(broadcast >> 24), (byte)(broadcast >> 16), (byte)(broadcast >> 8), (byte)broadcast]);
    }

    private static string Show(string text) => Configuration.ConfigScalar.Printable(text);
}
