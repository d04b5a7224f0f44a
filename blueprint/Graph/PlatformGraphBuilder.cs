using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Validation;

namespace Tazlab.Blueprint.Graph;

/// <summary>
/// Builds the bootstrap dependency graph from a validated stack. Every order the platform has needed in
/// practice is an edge here, including the runtime ones no IaC tool sees, so a configuration that would
/// deadlock a fresh bring-up shows up as a cycle before anything is touched. The program registers every
/// edge, of every kind, as a dependency between resources (<see cref="DependencyGraph.ResourcePredecessorsOf"/>);
/// the nodes that are no resource say what they are instead (<see cref="NodeRealisation"/>).
/// </summary>
public sealed class PlatformGraphBuilder
{
    private readonly StackConfig _config;
    private readonly PlatformNames _names;
    private readonly DependencyGraph _graph = new();

    private PlatformGraphBuilder(StackConfig config, PlatformNames names)
    {
        _config = config;
        _names = names;
    }

    /// <summary>Builds the graph; unknown node ids in <c>durationEstimates</c> are reported to <paramref name="diagnostics"/>.</summary>
    public static DependencyGraph Build(StackConfig config, PlatformNames names, DiagnosticBag diagnostics)
    {
        var builder = new PlatformGraphBuilder(config, names);
        builder.AddAll();
        builder.ApplyDurationOverrides(diagnostics);
        return builder._graph;
    }

    private bool OwnsPolicy => _config.Ownership.TailnetPolicy == PartOwnership.Own;

    private bool OwnsVault => _config.Ownership.VaultServer == PartOwnership.Own;

    private string Key(string name) => $"{_config.ProjectName}:{name}";

    private void AddAll()
    {
        Node("stack-secrets", "Stack secrets (encrypted Pulumi config)", "secrets", NodeRealisation.Configuration);
        if (_config.Ownership.ReferencesAnything)
        {
            Node("stack-reference", $"Outputs of {_config.Ownership.ReferenceStack}", "reference");
        }

        var policy = AddTailnet();
        var vault = AddVault(policy);
        AddTalos();
        var dns = AddDns();
        AddOperator(policy, dns);
        AddExternalSecrets(vault);
        AddJwtAuth(vault);
        Node("flux-git-credential", "Flux Git credential Secret", "secrets");
        Edge("stack-secrets", "flux-git-credential", EdgeKind.SecretSource, "the token is a stack secret, never an ExternalSecret");
        Edge("cluster-healthy", "flux-git-credential", EdgeKind.Runtime, "created through the API of the healthy cluster");
        if (_config.Backup.IsConfigured)
        {
            AddBackups();
        }
    }

    /// <summary>
    /// The off-site backups: Vault's once Vault is initialised (its credential is written there, the timer installed
    /// over SSH), etcd's once the cluster answers and the control-plane patches allow the job's Talos role. Nothing
    /// waits on them: a backup follows the bring-up.
    /// </summary>
    private void AddBackups()
    {
        if (OwnsVault)
        {
            Node("vault-backup", "Vault snapshots off-site (backup credential, restic, timer installed over SSH)", "backup");
            Edge("vault-initialised", "vault-backup", EdgeKind.Provisioning, "the backup credential is written to the initialised Vault");
            Edge("stack-secrets", "vault-backup", EdgeKind.SecretSource, "the storage's keys and the repository's password are stack secrets");
        }

        Node("etcd-backup", "etcd snapshots off-site (Talos API access for one role, the CronJob and its Secret)", "backup");
        Edge("cluster-healthy", "etcd-backup", EdgeKind.Runtime, "created through the API of the healthy cluster");
        Edge("machine-config", "etcd-backup", EdgeKind.Provisioning, "the control-plane patches allow the job's Talos role");
        Edge("stack-secrets", "etcd-backup", EdgeKind.SecretSource, "the storage's keys and the repository's password are stack secrets");
    }

    /// <summary>Returns the node that provides the tailnet policy (the policy itself, or the owning stack's outputs).</summary>
    private string AddTailnet()
    {
        var policy = "stack-reference";
        if (OwnsPolicy)
        {
            policy = "tailnet-policy";
            Node(policy, "Tailnet policy file (tag owners, grants, tests)", "tailnet");
            foreach (var client in _config.Tailnet.OAuthClients)
            {
                Node($"oauth-client:{client.Name}", $"OAuth client {client.Name}", "tailnet");
                Edge(policy, $"oauth-client:{client.Name}", EdgeKind.Provisioning, "its tags need owners in the policy");
            }
        }

        if (OwnsVault)
        {
            Node("auth-key:vault", "Auth key for the Vault VM", "tailnet");
            Edge(policy, "auth-key:vault", EdgeKind.Provisioning, "its tags need owners in the policy");
        }

        Node("auth-key:talos", $"Auth keys for the Talos nodes' Tailscale extension (one per node: a key joins one device)", "tailnet");
        Edge(policy, "auth-key:talos", EdgeKind.Provisioning, "its tags need owners in the policy");

        Node("device-cleanup", "Prune stale devices holding the platform's names", "tailnet");
        Edge("stack-secrets", "device-cleanup", EdgeKind.SecretSource, "Tailscale API credentials are stack secrets");
        return policy;
    }

    /// <summary>Returns the node that provides a usable Vault (admin token): the initialised server, or the owning stack's outputs.</summary>
    private string AddVault(string policy)
    {
        Node("vault-reachable", $"Vault reachable on the tailnet at {_names.VaultFqdn}", "vault", NodeRealisation.Observed);
        if (!OwnsVault)
        {
            Edge("stack-reference", "vault-reachable", EdgeKind.Runtime, "the owning stack's Vault must be running");
            return "stack-reference";
        }

        Node("vault-tls", "Vault TLS material (CA, key, certificate for the MagicDNS name)", "vault");
        Node("vault-server", "Vault VM on Hetzner Cloud", "vault");
        Node("vault-joined", "Vault VM joined the tailnet (its auth key sent over SSH to the public address)", "vault");
        Node("vault-tls-installed", "Vault's TLS files installed over SSH, Vault started", "vault");
        Node("vault-initialised", "Vault initialised and unsealed", "vault");
        Edge("vault-server", "vault-joined", EdgeKind.Runtime, "SSH to the VM's public address, from tazlab:vaultSshSources");
        Edge("auth-key:vault", "vault-joined", EdgeKind.Provisioning, "tailscale up reads it from a 0600 file written over SSH");
        Edge("vault-server", "auth-key:vault", EdgeKind.Provisioning, "replaced with the server it joins (ReplaceWith), so minted once the server exists");
        Edge("device-cleanup", "vault-server", EdgeKind.Provisioning, "stale devices holding the name are pruned so the VM gets the canonical name");
        Edge("vault-joined", "vault-reachable", EdgeKind.Runtime, "the VM must be on the tailnet");
        Edge(policy, "vault-reachable", EdgeKind.Runtime, "grants must allow the API port");
        Edge("vault-tls", "vault-tls-installed", EdgeKind.Provisioning, "the certificate and key are copied to the VM");
        Edge("vault-reachable", "vault-tls-installed", EdgeKind.Runtime, "the files go over SSH on the tailnet");
        Edge("vault-tls-installed", "vault-initialised", EdgeKind.Runtime, "Vault serves its certificate before init and unseal talk to it");
        return "vault-initialised";
    }

    private void AddTalos()
    {
        Node("talos-image", "Talos image from the Image Factory (schematic with extensions)", "talos");
        Node("proxmox-vms", $"Proxmox VMs ({_config.Talos.Nodes.Count} nodes)", "talos");
        Node("machine-secrets", "Talos machine secrets (cluster PKI, never replaced)", "talos");
        Node("machine-config", "Machine configuration with the bootstrap-only API-server settings", "talos");
        Node("bootstrap", "Bootstrap on the first control-plane node", "talos");
        Node("kubeconfig", "Kubeconfig", "talos");
        Node("cluster-healthy", "Cluster healthy", "talos");
        // The day-2 steps: commands that do nothing on a bring-up from nothing, and on a later up upgrade, reboot or
        // retire running nodes one at a time. Upgrades come before the configuration applies, whose node patches
        // then match what talosctl set; a staged configuration and a retirement come after them.
        Node("talos-upgrade", "Talos upgrades of the running nodes, node by node (talosctl upgrade)", "talos");
        Node("kubernetes-upgrade", "Kubernetes upgrade of the running cluster (talosctl upgrade-k8s)", "talos");
        Node("staged-reboots", "Reboots, node by node, of the nodes with a staged configuration", "talos");
        Node("node-retirement", "Retirement of the nodes removed from the stack (drain, leave etcd, reset)", "talos");
        Edge("talos-image", "proxmox-vms", EdgeKind.Provisioning, "the VMs boot the image");
        Edge("talos-image", "talos-upgrade", EdgeKind.Provisioning, "the running nodes install the new image");
        Edge("machine-secrets", "talos-upgrade", EdgeKind.Provisioning, "talosctl authenticates with the talosconfig");
        Edge("talos-upgrade", "kubernetes-upgrade", EdgeKind.Provisioning, "Kubernetes moves once every node runs the new Talos");
        Edge("kubernetes-upgrade", "machine-config", EdgeKind.Provisioning, "an apply keeps the versions talosctl set");
        Edge("machine-config", "staged-reboots", EdgeKind.Provisioning, "a reboot applies what the apply staged");
        Edge("machine-config", "node-retirement", EdgeKind.Provisioning, "a node leaves the cluster before its configuration and VM go");
        Edge("kubeconfig", "node-retirement", EdgeKind.Provisioning, "a retired node's Node object is deleted through the API");
        Edge("machine-secrets", "machine-config", EdgeKind.Provisioning, "the configuration carries the PKI");
        Edge("auth-key:talos", "machine-config", EdgeKind.Provisioning, "the Tailscale extension joins with it");
        Edge("proxmox-vms", "auth-key:talos", EdgeKind.Provisioning, "each key is replaced with its VM (ReplaceWith), so minted once the VM exists");
        Edge("proxmox-vms", "machine-config", EdgeKind.Runtime, "each node's configuration is applied to its running VM");
        Edge("machine-config", "bootstrap", EdgeKind.Provisioning, "applied before bootstrap");
        Edge("proxmox-vms", "bootstrap", EdgeKind.Runtime, "the nodes must be running");
        Edge("bootstrap", "kubeconfig", EdgeKind.Provisioning, "issued by the bootstrapped cluster");
        Edge("kubeconfig", "cluster-healthy", EdgeKind.Runtime, "health is checked through the API");
    }

    /// <summary>Returns the node after which cluster DNS answers.</summary>
    private string AddDns()
    {
        if (!_config.CoreDns.UserManaged)
        {
            return "cluster-healthy";
        }

        Node("coredns", "User-managed CoreDNS (Talos' own disabled)", "dns");
        Edge("machine-config", "coredns", EdgeKind.Provisioning, "coreDNS.disabled is baked into the machine configuration");
        Edge("cluster-healthy", "coredns", EdgeKind.Runtime, "deployed into a healthy cluster");
        return "coredns";
    }

    private void AddOperator(string policy, string dns)
    {
        Node("operator-oauth-secret", "Operator OAuth Secret", "operator");
        Node("tailscale-operator", "Tailscale operator (Helm release)", "operator");
        Node("api-server-reachable", $"API server reachable at {_names.ApiServerFqdn}:{PlatformNames.ApiServerPort}", "operator", NodeRealisation.Observed);
        Node("vault-egress", $"Vault egress Service (ExternalName to {_names.VaultFqdn})", "operator");
        Node("cluster-resolves-vault", $"Cluster resolves {_names.VaultFqdn}", "dns", NodeRealisation.Observed);

        Edge("cluster-healthy", "operator-oauth-secret", EdgeKind.Runtime, "created through the API of the healthy cluster");
        switch (_config.Operator.OAuthSource)
        {
            case OAuthSecretSource.Bootstrap when OwnsPolicy:
                Edge($"oauth-client:{_config.Tailnet.OperatorOAuthClient}", "operator-oauth-secret", EdgeKind.SecretSource, "created from the OAuth client's outputs");
                break;
            case OAuthSecretSource.Bootstrap:
                Edge("stack-reference", "operator-oauth-secret", EdgeKind.SecretSource, "read from the owning stack's outputs");
                break;
            default:
                // Added below, once the store exists: the secret would come from Vault through External Secrets.
                break;
        }

        Edge("operator-oauth-secret", "tailscale-operator", EdgeKind.Provisioning, "the operator starts with its OAuth secret");
        Edge(dns, "tailscale-operator", EdgeKind.Runtime, "the operator needs cluster DNS");
        Edge(policy, "tailscale-operator", EdgeKind.Runtime, "its tags need owners in the policy");
        Edge("device-cleanup", "tailscale-operator", EdgeKind.Provisioning, "stale proxy devices are pruned so proxies get their canonical names");
        Edge("tailscale-operator", "api-server-reachable", EdgeKind.Runtime, "the operator runs the API server's tailnet proxy");
        Edge("tailscale-operator", "vault-egress", EdgeKind.Runtime, "the operator runs the egress proxy");
        Edge("vault-reachable", "vault-egress", EdgeKind.Runtime, "the proxy forwards to Vault on the tailnet");
        Edge("vault-egress", "cluster-resolves-vault", EdgeKind.Runtime, "the name rewrites to the egress Service");
        Edge(dns, "cluster-resolves-vault", EdgeKind.Runtime, "CoreDNS rewrites the tailnet name");
    }

    private void AddExternalSecrets(string vault)
    {
        Node("external-secrets", "External Secrets Operator (Helm release, installs the CRDs)", "external-secrets");
        Node("kv-mount", "KV v2 mount for the platform's secrets", "vault-auth");
        Node("eso-reader-policy", "eso-reader policy", "vault-auth");
        Node("cluster-secret-store", $"ClusterSecretStore {_config.ExternalSecrets.StoreName}", "external-secrets");
        Edge("cluster-healthy", "external-secrets", EdgeKind.Runtime, "installed into a healthy cluster");
        Edge(vault, "kv-mount", EdgeKind.Provisioning, "created with the program's AppRole credential");
        Edge(vault, "eso-reader-policy", EdgeKind.Provisioning, "created with the program's AppRole credential");
        Edge("external-secrets", "cluster-secret-store", EdgeKind.Provisioning, "its CRDs must be installed first");
        Edge("kv-mount", "cluster-secret-store", EdgeKind.Provisioning, "the store reads the mount");
        Edge("cluster-resolves-vault", "cluster-secret-store", EdgeKind.Runtime, "the store reaches Vault by its MagicDNS name");

        if (_config.Operator.OAuthSource == OAuthSecretSource.Vault)
        {
            Edge(
                "cluster-secret-store",
                "operator-oauth-secret",
                EdgeKind.SecretSource,
                "the secret would be an ExternalSecret read from Vault",
                $"set {Key("operatorOAuthSource")} to bootstrap: the operator's OAuth secret is then created directly as a Kubernetes Secret from stack secrets, and Vault takes over later");
        }
    }

    private void AddJwtAuth(string vault)
    {
        var mode = _config.VaultAuth.Mode == JwtValidationMode.PublicKeys ? "jwt_validation_pubkeys" : "jwks_url";
        Node("jwt-backend", $"Vault JWT auth backend ({mode})", "vault-auth");
        Edge(vault, "jwt-backend", EdgeKind.Provisioning, "created with the program's AppRole credential");
        if (_config.VaultAuth.Mode == JwtValidationMode.PublicKeys)
        {
            Edge("machine-secrets", "jwt-backend", EdgeKind.Provisioning, "the service-account public key comes from the machine secrets");
        }
        else
        {
            Edge("api-server-reachable", "jwt-backend", EdgeKind.Runtime, "Vault fetches the JWKS from the API server over the tailnet");
        }

        foreach (var role in _config.VaultAuth.Roles)
        {
            Node($"jwt-role:{role.Name}", $"JWT role {role.Name} and its policy", "vault-auth");
            Edge("jwt-backend", $"jwt-role:{role.Name}", EdgeKind.Provisioning, "roles live on the backend");
        }

        // The referencing stacks' credentials, after the owner's own Vault work (their roles live on its AppRole mount).
        if (_config.Ownership.VaultServer == PartOwnership.Own)
        {
            foreach (var grant in _config.Vault.StackGrants)
            {
                Node($"vault-grant:{grant.Stack}", $"Vault credential of stack {grant.Stack} (policy, AppRole role, secret id)", "vault-auth");
                Edge(vault, $"vault-grant:{grant.Stack}", EdgeKind.Provisioning, "created with the program's AppRole credential");
            }
        }

        // External Secrets' own role: the store logs in through it with a token of ESO's service account.
        var eso = $"jwt-role:{VaultAuthNames.ExternalSecretsRole}";
        Node(eso, "External Secrets' JWT role (its service account logs in; the eso-reader policy)", "vault-auth");
        Edge("jwt-backend", eso, EdgeKind.Provisioning, "roles live on the backend");
        Edge("eso-reader-policy", eso, EdgeKind.Provisioning, "the role grants the policy");
        Edge(eso, "cluster-secret-store", EdgeKind.Provisioning, "the store logs in through the role");
    }

    private void ApplyDurationOverrides(DiagnosticBag diagnostics)
    {
        foreach (var (id, duration) in _config.DurationEstimates.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var matches = _graph.Nodes.Where(n => n.Id == id || n.Id.StartsWith(id + ":", StringComparison.Ordinal)).ToList();
            if (matches.Count == 0)
            {
                var ids = _graph.Nodes.Select(n => n.Id).ToList();
                diagnostics.Error(
                    $"{Key("durationEstimates")}.{id}",
                    "names no node of the dependency graph" + Suggestions.DidYouMean(id, ids),
                    "a node id from graph.json, or a kind such as jwt-role");
                continue;
            }

            foreach (var node in matches)
            {
                _graph.SetDuration(node.Id, duration);
            }
        }
    }

    private void Node(string id, string label, string area, NodeRealisation realisation = NodeRealisation.Resources) =>
        _graph.Add(new GraphNode(id, label, area, DurationEstimates.For(id), realisation));

    private void Edge(string from, string to, EdgeKind kind, string reason, string? breakHint = null) =>
        _graph.Connect(from, to, kind, reason, breakHint);
}
