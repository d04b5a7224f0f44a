using Tazlab.TestSupport;

namespace Tazlab.Stacks.Tests;

/// <summary>Every configuration rule, tripped by one change to the committed prod (or dev) stack, and a passing neighbour.</summary>
public class ValidationRuleTests
{
    private const string Node0 = "{name: tazlab-cp-1, role: controlplane, vmId: 801, cores: 4, memoryMiB: 8192, diskGiB: 64, ip: 192.168.1.81, proxmoxNode: pve}";
    private const string Node1 = "{name: tazlab-worker-1, role: worker, vmId: 811, cores: 4, memoryMiB: 16384, diskGiB: 128, ip: 192.168.1.91, proxmoxNode: pve}";

    private static StackScenario Prod(string name, Action<TempProject> change) => new(name, "prod", change);

    private static Action<TempProject> Set(string key, string value) => p => p.Set("prod", key, value);

    private static Action<TempProject> Nodes(params string[] nodes) => Set("tazlab:talosNodes", "[" + string.Join(", ", nodes) + "]");

    private static string Role(string fields) => $"[{{name: grafana-consumer, namespace: monitoring, serviceAccount: grafana-sa, tokenTtl: 24h, secrets: [grafana]{fields}}}]";

    public static TheoryData<StackScenario, string> Failing => new()
    {
        { Prod("missing required key", p => p.Remove("prod", "tazlab:tailnetName")), "tazlab:tailnetName: is missing; expected a value" },
        { Prod("unknown key near a known one", Set("tazlab:vaultApiPrt", "8200")), "tazlab:vaultApiPrt: unknown key (did you mean 'tazlab:vaultApiPort'?); expected a key declared in Pulumi.yaml" },
        { Prod("unknown key in a list item", Nodes(Node0.Replace("cores:", "core:", StringComparison.Ordinal), Node1)), "tazlab:talosNodes[0].cores: is missing; expected a whole number" },
        { Prod("malformed tailnet name", Set("tazlab:tailnetName", "magellanic_gondola.ts.net")), "tazlab:tailnetName: 'magellanic_gondola.ts.net' is not a tailnet name; expected a tailnet MagicDNS domain such as example-tailnet.ts.net" },
        { Prod("tailnet name outside ts.net", Set("tazlab:tailnetName", "tazlab.net")), "tazlab:tailnetName: 'tazlab.net' is not a tailnet name; expected a tailnet MagicDNS domain such as example-tailnet.ts.net" },
        { Prod("device name not an RFC 1123 label", Set("tazlab:vaultDeviceName", "Lushycorp_Vault")), "tazlab:vaultDeviceName: 'Lushycorp_Vault' is not a valid name; expected an RFC 1123 label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit" },
        { Prod("node name not an RFC 1123 label", Nodes(Node0.Replace("tazlab-cp-1", "-cp", StringComparison.Ordinal), Node1)), "tazlab:talosNodes[0].name: '-cp' is not a hostname; expected an RFC 1123 label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit" },
        { Prod("tag without tag:", Set("tazlab:vaultTags", "[tazlab-vault, tag:vault-api]")), "tazlab:vaultTags[0]: 'tazlab-vault' is not a tag; expected a tag such as tag:vault-api: 'tag:' then a letter, then letters, digits or '-'" },
        { Prod("tag with invalid characters", Set("tazlab:talosTags", "['tag:tazlab k8s']")), "tazlab:talosTags[0]: 'tag:tazlab k8s' is not a tag; expected a tag such as tag:vault-api: 'tag:' then a letter, then letters, digits or '-'" },
        { Prod("tag used but not owned", Set("tazlab:talosTags", "[tag:unowned]")), "tazlab:talosTags[0]: uses tag:unowned, which has no owner; expected an entry for tag:unowned under tazlab:tagOwners" },
        { Prod("tag owned by an unowned tag", Set("tazlab:tagOwners", "{tag:tazpod: [autogroup:admin], tag:tazlab-k8s: [autogroup:admin], tag:tazlab-vault: [autogroup:admin], tag:vault-api: [autogroup:admin], tag:k8s-operator: [autogroup:admin], tag:k8s: [tag:ghost]}")), "tazlab:tagOwners.tag:k8s[0]: uses tag:ghost, which has no owner; expected an entry for tag:ghost under tazlab:tagOwners" },
        { Prod("duplicate node names", Nodes(Node0, Node1.Replace("tazlab-worker-1", "tazlab-cp-1", StringComparison.Ordinal))), "tazlab:talosNodes[1].name: 'tazlab-cp-1' repeats tazlab:talosNodes[0].name; expected each name used once" },
        { Prod("duplicate VM ids", Nodes(Node0, Node1.Replace("811", "801", StringComparison.Ordinal))), "tazlab:talosNodes[1].vmId: '801' repeats tazlab:talosNodes[0].vmId; expected each vmId used once" },
        { Prod("duplicate IPs", Nodes(Node0, Node1.Replace("192.168.1.91", "192.168.1.81", StringComparison.Ordinal))), "tazlab:talosNodes[1].ip: '192.168.1.81' repeats tazlab:talosNodes[0].ip; expected each ip used once" },
        { Prod("node IP outside the node network", Nodes(Node0, Node1.Replace("192.168.1.91", "192.168.2.91", StringComparison.Ordinal))), "tazlab:talosNodes[1].ip: 192.168.2.91 is outside tazlab:nodeCidr (192.168.1.0/24); expected an address inside 192.168.1.0/24" },
        { Prod("node IP is the broadcast address", Nodes(Node0, Node1.Replace("192.168.1.91", "192.168.1.255", StringComparison.Ordinal))), "tazlab:talosNodes[1].ip: 192.168.1.255 is the broadcast address of 192.168.1.0/24; expected a host address inside 192.168.1.0/24" },
        { Prod("node IP not an address", Nodes(Node0, Node1.Replace("192.168.1.91", "192.168.1", StringComparison.Ordinal))), "tazlab:talosNodes[1].ip: '192.168.1' is not an IPv4 address; expected a dotted quad such as 10.96.0.10" },
        { Prod("pod and service networks overlap", Set("tazlab:podCidr", "10.96.0.0/16")), "tazlab:serviceCidr: 10.96.0.0/12 overlaps tazlab:podCidr (10.96.0.0/16); expected node, pod and service networks that do not overlap" },
        { Prod("node and pod networks overlap", Set("tazlab:podCidr", "192.168.0.0/16")), "tazlab:podCidr: 192.168.0.0/16 overlaps tazlab:nodeCidr (192.168.1.0/24); expected node, pod and service networks that do not overlap" },
        { Prod("CIDR with host bits", Set("tazlab:serviceCidr", "10.96.0.1/12")), "tazlab:serviceCidr: '10.96.0.1/12' is not an IPv4 CIDR with its host bits clear; expected a network such as 10.96.0.0/12" },
        { Prod("CoreDNS IP outside the service network", Set("tazlab:corednsClusterIp", "10.200.0.10")), "tazlab:corednsClusterIp: 10.200.0.10 is outside tazlab:serviceCidr (10.96.0.0/12); expected an address inside 10.96.0.0/12" },
        { Prod("CoreDNS IP is the network address", Set("tazlab:corednsClusterIp", "10.96.0.0")), "tazlab:corednsClusterIp: 10.96.0.0 is the network address of 10.96.0.0/12; expected a host address inside 10.96.0.0/12" },
        { Prod("CoreDNS IP is the broadcast address", Set("tazlab:corednsClusterIp", "10.111.255.255")), "tazlab:corednsClusterIp: 10.111.255.255 is the broadcast address of 10.96.0.0/12; expected a host address inside 10.96.0.0/12" },
        { Prod("no control-plane node", Nodes(Node1)), "tazlab:talosNodes: has no control-plane node; expected at least one node with role: controlplane" },
        { Prod("auth key expiry over 90 days", Set("tazlab:authKeyExpiry", "91d")), "tazlab:authKeyExpiry: 91d is out of range; expected more than 0 and at most 90d (Tailscale's limit for auth keys)" },
        { Prod("auth key expiry zero", Set("tazlab:authKeyExpiry", "0s")), "tazlab:authKeyExpiry: 0s is out of range; expected more than 0 and at most 90d (Tailscale's limit for auth keys)" },
        { Prod("auth key expiry not a duration", Set("tazlab:authKeyExpiry", "-5d")), "tazlab:authKeyExpiry: '-5d' is not a duration; expected a duration such as 30m, 24h, 1h30m or 90d" },
        { Prod("role TTL zero", Set("tazlab:vaultJwtRoles", Role("").Replace("24h", "0s", StringComparison.Ordinal))), "tazlab:vaultJwtRoles[0].tokenTtl: 0s is out of range; expected more than 0 and at most 768h (Vault's default maximum lease); keep it short: JWT auth cannot revoke a token early" },
        { Prod("role TTL over the limit", Set("tazlab:vaultJwtRoles", Role("").Replace("24h", "1000h", StringComparison.Ordinal))), "tazlab:vaultJwtRoles[0].tokenTtl: 41d16h is out of range; expected more than 0 and at most 768h (Vault's default maximum lease); keep it short: JWT auth cannot revoke a token early" },
        { Prod("role max TTL below TTL", Set("tazlab:vaultJwtRoles", Role(", tokenMaxTtl: 1h"))), "tazlab:vaultJwtRoles[0].tokenMaxTtl: 1h is out of range; expected at least tokenTtl (1d) and at most 768h" },
        { Prod("image tagged latest", Set("tazlab:corednsImage", "registry.k8s.io/coredns/coredns:latest")), "tazlab:corednsImage: 'registry.k8s.io/coredns/coredns:latest' is not pinned; expected an image pinned by tag or digest, such as registry.k8s.io/coredns/coredns:v1.12.4 (not latest or unstable)" },
        { Prod("image without a tag", Set("tazlab:corednsImage", "registry.k8s.io:5000/coredns/coredns")), "tazlab:corednsImage: 'registry.k8s.io:5000/coredns/coredns' is not pinned; expected an image pinned by tag or digest, such as registry.k8s.io/coredns/coredns:v1.12.4 (not latest or unstable)" },
        { Prod("chart unstable", Set("tazlab:operatorChartVersion", "unstable")), "tazlab:operatorChartVersion: 'unstable' is not pinned; expected a pinned version such as 1.2.3 (not latest, unstable or a range)" },
        { Prod("chart version range", Set("tazlab:externalSecretsChartVersion", "^1.0.0")), "tazlab:externalSecretsChartVersion: '^1.0.0' is not a pinned version; expected a pinned version such as 1.2.3 (not latest, unstable or a range)" },
        { Prod("Talos version latest", Set("tazlab:talosVersion", "latest")), "tazlab:talosVersion: 'latest' is not pinned; expected a pinned version such as 1.2.3 (not latest, unstable or a range)" },
        { Prod("JWT role with a wildcard namespace", Set("tazlab:vaultJwtRoles", Role("").Replace("monitoring", "'*'", StringComparison.Ordinal))), "tazlab:vaultJwtRoles[0].namespace: '*' does not name one namespace, so the role has no bound subject; expected a Kubernetes namespace (an RFC 1123 label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit)" },
        { Prod("JWT role with no service account", Set("tazlab:vaultJwtRoles", "[{name: r, namespace: monitoring, tokenTtl: 1h, secrets: [p]}]")), "tazlab:vaultJwtRoles[0].serviceAccount: is missing; expected a value" },
        { Prod("stack neither owns nor references the policy", p => p.Remove("prod", "tazlab:tailnetPolicy")), "tazlab:tailnetPolicy: is missing; expected a value" },
        { Prod("reference without a stack to reference", Set("tazlab:tailnetPolicy", "reference")), "tazlab:referenceStack: is missing, but this stack references another stack's parts; expected the owning stack as organization/project/stack, e.g. organization/tazlab/prod" },
        { new StackScenario("two owners of one tailnet policy", "dev", p => { p.Set("dev", "tazlab:tailnetPolicy", "own"); p.Set("dev", "tazlab:tagOwners", "{tag:tazlab-k8s: [autogroup:admin], tag:k8s: [autogroup:admin]}"); p.Set("dev", "tazlab:accessIntents", "[]"); p.Set("dev", "tazlab:oauthClients", "[{name: k8s-operator, scopes: [devices:core, auth_keys, services], tags: [tag:k8s]}]"); p.Remove("dev", "tazlab:operatorTags"); }), "tazlab:tailnetPolicy: stack 'dev' claims the policy of tailnet magellanic-gondola.ts.net, which stack 'prod' already owns; expected one owner per tailnet: set tailnetPolicy: reference and referenceStack: <org>/tazlab/prod" },
        { new StackScenario("referencing a stack that owns nothing", "dev", p => { p.Set("prod", "tazlab:tailnetPolicy", "reference"); p.Set("prod", "tazlab:referenceStack", "organization/tazlab/dev"); p.Remove("prod", "tazlab:tagOwners"); p.Remove("prod", "tazlab:accessIntents"); p.Remove("prod", "tazlab:denyTests"); p.Remove("prod", "tazlab:oauthClients"); p.Set("prod", "tazlab:operatorTags", "[tag:k8s-operator]"); }), "tazlab:referenceStack: stack 'prod' does not own a tailnet policy; expected the stack whose tailnetPolicy is own" },
        { new StackScenario("referencing stack's operator tags differ from the owner's client", "dev", p => p.Set("dev", "tazlab:operatorTags", "[tag:k8s]")), "tazlab:operatorTags: [tag:k8s] differs from the tags of the operator OAuth client in stack 'prod'; expected [tag:k8s-operator]: the operator joins with that client, so its device carries exactly those tags" },
        { new StackScenario("referencing stack without operator tags", "dev", p => p.Remove("dev", "tazlab:operatorTags")), "tazlab:operatorTags: not set, but this stack references the tailnet policy: its operator joins with the owning stack's OAuth client; expected the tags of that client, e.g. [tag:k8s-operator]" },
        { Prod("owning stack sets operator tags it reads from its client", Set("tazlab:operatorTags", "[tag:k8s-operator]")), "tazlab:operatorTags: is set, but this stack owns the tailnet policy and takes the operator's tags from its OAuth client; expected no value here (set tags on the oauthClients entry named by tazlab:operatorOAuthClient)" },
        { new StackScenario("referencing stack shares the owner's JWT mount", "dev", p => p.Set("dev", "tazlab:vaultJwtMount", "jwt")), "tazlab:vaultJwtMount: 'jwt' is stack 'prod''s JWT mount on the same Vault: this stack's roles and policies would replace its; expected a mount of this stack's own, e.g. jwt-dev" },
        { new StackScenario("referencing stack's KV prefix under the owner's", "dev", p => p.Set("dev", "tazlab:vaultKvPrefix", "tazlab/dev")), "tazlab:vaultKvPrefix: 'tazlab/dev' overlaps stack 'prod''s 'tazlab' in the secret mount: each stack's policies would read the other's secrets; expected a prefix of this stack's own, e.g. tazlab-dev" },
        { Prod("JWT role secret folder widening its policy", Set("tazlab:vaultJwtRoles", "[{name: grafana-consumer, namespace: monitoring, serviceAccount: grafana-sa, tokenTtl: 24h, secrets: ['grafana/*']}]")), "tazlab:vaultJwtRoles[0].secrets[0]: 'grafana/*' is not a folder name; expected one folder under the stack's vaultKvPrefix: letters, digits, '-', '_' or '.'" },
        { new StackScenario("referencing stack sets an owner-only key", "dev", p => p.Set("dev", "tazlab:vaultLocation", "fsn1")), "tazlab:vaultLocation: is set, but this stack references that part from another stack; expected no value here (set it in the owning stack)" },
        { Prod("secure value where a plain value is expected", Set("tazlab:vaultApiPort", "{secure: AAABAJ0aWFmZQ==}")), "tazlab:vaultApiPort: is a secret (secure:) value; expected a plain value: a whole number" },
        { Prod("plain value where a secret is expected", Set("tazlab:fluxGitToken", "ghp_plaintext")), "tazlab:fluxGitToken: is set in plain text; expected a secret: pulumi config set --secret tazlab:fluxGitToken <value>" },
        { Prod("provider credential in plain text", Set("hcloud:token", "abc")), "hcloud:token: holds a credential in plain text; expected a secret: pulumi config set --secret hcloud:token <value>" },
        { Prod("no tailscale extension on the nodes", Set("tazlab:talosExtensions", "[siderolabs/qemu-guest-agent]")), "tazlab:talosExtensions: lacks siderolabs/tailscale, yet every node joins the tailnet through it (the API server's name lushycorp-k8s is its device); expected a list with siderolabs/tailscale, e.g. [siderolabs/tailscale, siderolabs/qemu-guest-agent]" },
        { Prod("a tag owner in free text", Set("tazlab:tagOwners", "{tag:tazlab-vault: [the ops team], tag:vault-api: [autogroup:admin], tag:tazlab-k8s: [autogroup:admin], tag:k8s-operator: [autogroup:admin], tag:k8s: [tag:k8s-operator], tag:tazpod: [autogroup:admin], tag:ci: [autogroup:admin]}")), "tazlab:tagOwners.tag:tazlab-vault[0]: 'the ops team' names no one the tailnet policy knows; expected a tag (tag:ops), an autogroup (autogroup:admin), a group (group:ops) or a user's login (alice@example.com)" },
        { Prod("mistyped provider credential in plain text", Set("hcloud:tokne", "abc")), "hcloud:tokne: is not a key the hcloud provider reads (did you mean 'hcloud:token'?), and it holds a value in plain text; expected hcloud:token, set as a secret: pulumi config set --secret hcloud:token <value>" },
        { Prod("a secure value with no ciphertext", Set("tazlab:fluxGitToken", "{secure: ''}")), "tazlab:fluxGitToken: is secure: with no ciphertext, so it is not set; expected a value set with pulumi config set --secret tazlab:fluxGitToken <value>" },
        { Prod("wrong type", Set("tazlab:vaultApiPort", "abc")), "tazlab:vaultApiPort: 'abc' is not a whole number; expected a whole number from 1 to 65534" },
        { Prod("number out of range", Set("tazlab:vaultApiPort", "70000")), "tazlab:vaultApiPort: 70000 is out of range; expected a whole number from 1 to 65534" },
        { Prod("list where a string is expected", Set("tazlab:vaultDeviceName", "[a, b]")), "tazlab:vaultDeviceName: is a list; expected a plain string" },
        { Prod("unknown choice", Set("tazlab:operatorOAuthSource", "vualt")), "tazlab:operatorOAuthSource: 'vualt' is not a valid choice (did you mean 'vault'?); expected one of: bootstrap, vault" },
        { Prod("operator OAuth client not defined", Set("tazlab:operatorOAuthClient", "k8s-operatr")), "tazlab:operatorOAuthClient: 'k8s-operatr' names no OAuth client (did you mean 'k8s-operator'?); expected one of: tazlab-bootstrap, k8s-operator" },
        { Prod("OAuth client with key scopes and no tags", Set("tazlab:oauthClients", "[{name: k8s-operator, scopes: [auth_keys], tags: []}]")), "tazlab:oauthClients[0].tags: is empty, but the scopes include auth_keys or devices:core; expected the tags this client may apply (Tailscale requires them for these scopes)" },
        { Prod("access intent to everything", Set("tazlab:accessIntents", "[{name: all, from: [tag:tazpod], to: '*', ports: [22]}]")), "tazlab:accessIntents[0].to: '*' opens every device; expected one tag: default deny means naming what may be reached" },
        { Prod("Proxmox endpoint over http", Set("tazlab:proxmoxEndpoint", "http://pve:8006")), "tazlab:proxmoxEndpoint: 'http://pve:8006' is not an https URL; expected the Proxmox API URL, e.g. https://pve.example.internal:8006/" },
        { Prod("SSH open to the internet", Set("tazlab:vaultSshSources", "[0.0.0.0/0]")), "tazlab:vaultSshSources[0]: opens SSH to the whole internet; expected specific source networks: the machines that run pulumi up when the VM is created or replaced" },
        { Prod("Vault's API on the last port, leaving none for its cluster port", Set("tazlab:vaultApiPort", "65535")), "tazlab:vaultApiPort: 65535 is out of range; expected a whole number from 1 to 65534" },
        { Prod("CoreDNS on the kubernetes Service's address", Set("tazlab:corednsClusterIp", "10.96.0.1")), "tazlab:corednsClusterIp: 10.96.0.1 is the first address of tazlab:serviceCidr (10.96.0.0/12), which the kubernetes Service takes; expected another host address inside 10.96.0.0/12, e.g. the tenth" },
        { Prod("CoreDNS outside the service network, while pod and service networks overlap", p => { p.Set("prod", "tazlab:podCidr", "10.96.0.0/16"); p.Set("prod", "tazlab:corednsClusterIp", "192.168.200.10"); }), "tazlab:corednsClusterIp: 192.168.200.10 is outside tazlab:serviceCidr (10.96.0.0/12); expected an address inside 10.96.0.0/12" },
        { Prod("grant to the owner itself", Set("tazlab:vaultStackGrants", "[{stack: prod, jwtMount: jwt-x, kvPrefix: x}]")), "tazlab:vaultStackGrants[0].stack: 'prod' is this stack, whose credential its own init creates; expected a stack that references this one's Vault" },
        { Prod("grant on the owner's mount", Set("tazlab:vaultStackGrants", "[{stack: dev, jwtMount: jwt, kvPrefix: tazlab-dev}]")), "tazlab:vaultStackGrants[0].jwtMount: 'jwt' is this stack's own mount; expected the referencing stack's own vaultJwtMount, e.g. jwt-dev" },
        { Prod("owner's mount naming the credentials' policies", Set("tazlab:vaultJwtMount", "tazlab")), "tazlab:vaultJwtMount: 'tazlab' names role policies 'tazlab-*', which would cover the programs' credentials (tazlab-program-*, tazlab-grant-*); expected a mount that does not start the word 'tazlab', e.g. jwt" },
        { Prod("owner's mount inside the grants' names", Set("tazlab:vaultJwtMount", "tazlab-grant-dev")), "tazlab:vaultJwtMount: 'tazlab-grant-dev' names role policies 'tazlab-grant-dev-*', which would cover the programs' credentials (tazlab-program-*, tazlab-grant-*); expected a mount that does not start the word 'tazlab', e.g. jwt" },
        { Prod("two grants reading each other's secrets", Set("tazlab:vaultStackGrants", "[{stack: dev, jwtMount: jwt-dev, kvPrefix: tazlab-dev, roles: [{name: grafana-consumer, secrets: [grafana]}]}, {stack: qa, jwtMount: jwt-qa, kvPrefix: tazlab-dev/qa}]")), "tazlab:vaultStackGrants[1].kvPrefix: 'tazlab-dev/qa' overlaps stack dev's 'tazlab-dev': each stack's roles would read the other's secrets; expected a KV folder of this stack's own" },
        { Prod("grants on a Vault that matches lists whole", Set("tazlab:vaultVersion", "1.20.4")), "tazlab:vaultVersion: 1.20.4 matches allowed_parameters lists as a whole, so a grant's credential could not be held to its policies; expected 1.21.0 or later (Vault matches list parameters element by element from 1.21)" },
        { Prod("grants whose policy names meet", Set("tazlab:vaultStackGrants", "[{stack: dev, jwtMount: jwt-dev, kvPrefix: tazlab-dev, roles: [{name: x}]}, {stack: dev-x, jwtMount: jwt-dev-x, kvPrefix: tazlab-dev-x}]")), "tazlab:vaultStackGrants[1].stack: the policy tazlab-grant-dev-x of stack dev-x is also stack dev's; expected stack and role names whose policy names do not meet" },
        { new StackScenario("referencing stack whose roles differ from its grant", "dev", p => p.Set("dev", "tazlab:vaultJwtRoles", "[{name: grafana-consumer, namespace: monitoring, serviceAccount: grafana-sa, tokenTtl: 1h, secrets: [grafana, loki]}]")), "tazlab:vaultJwtRoles: stack 'prod' grants this stack the roles [grafana-consumer [grafana]], but it has [grafana-consumer [grafana, loki]]: the owner writes the roles' policies from its grant; expected the same roles and folders here and in prod's tazlab:vaultStackGrants (roles: [{name, secrets}])" },
        { Prod("grant inside the owner's secrets", Set("tazlab:vaultStackGrants", "[{stack: dev, jwtMount: jwt-dev, kvPrefix: tazlab/dev, roles: [{name: grafana-consumer, secrets: [grafana]}]}]")), "tazlab:vaultStackGrants[0].kvPrefix: 'tazlab/dev' is not a KV folder of its own (this stack reads tazlab/); expected the referencing stack's own vaultKvPrefix, a folder outside this stack's" },
        { Prod("grant to a name Pulumi refuses", Set("tazlab:vaultStackGrants", "[{stack: 'd e v', jwtMount: jwt-dev, kvPrefix: tazlab-dev}]")), "tazlab:vaultStackGrants[0].stack: 'd e v' is not a stack name; expected a Pulumi stack name: 1-100 letters, digits, '-', '_' or '.'" },
        { new StackScenario("referencing stack the owner grants nothing", "dev", p => p.Set("prod", "tazlab:vaultStackGrants", "[]")), "tazlab:referenceStack: stack 'prod' grants this stack no Vault credential; expected in Pulumi.prod.yaml, tazlab:vaultStackGrants: [{stack: dev, jwtMount: jwt-dev, kvPrefix: tazlab-dev}]" },
        { new StackScenario("referencing stack on another mount than its grant", "dev", p => p.Set("dev", "tazlab:vaultJwtMount", "jwt-dev2")), "tazlab:vaultJwtMount: stack 'prod' grants this stack jwtMount jwt-dev and kvPrefix tazlab-dev, but it uses jwt-dev2 and tazlab-dev: its credential could not manage them; expected the same mount and prefix here and in prod's tazlab:vaultStackGrants" },
        { Prod("backup bucket with capitals", Set("tazlab:backupBucket", "Tazlab_Backups")), "tazlab:backupBucket: 'Tazlab_Backups' is not a bucket name; expected an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit" },
        { Prod("backup storage over plain http", Set("tazlab:backupEndpoint", "http://s3.example.com")), "tazlab:backupEndpoint: 'http://s3.example.com' is plain http: the storage's credentials would cross the network in clear; expected an https URL" },
        { Prod("backup endpoint with the bucket in its path", Set("tazlab:backupEndpoint", "https://s3.example.com/tazlab")), "tazlab:backupEndpoint: 'https://s3.example.com/tazlab' is not an object storage URL; expected the storage's https URL with no path, e.g. https://fsn1.your-objectstorage.com" },
        { Prod("backup schedule with a day name", Set("tazlab:backupSchedule", "'0 3 * * MON'")), "tazlab:backupSchedule: '0 3 * * MON' has a day of week field 'MON' that is not a list of *, */n, n or n-m between 0 and 7; expected five cron fields (minute hour day-of-month month day-of-week) of *, */n, n or n-m lists, numbers only, e.g. \"0 3 * * *\" (03:00 UTC daily)" },
        { Prod("backup schedule on two kinds of day", Set("tazlab:backupSchedule", "'0 3 1 * 1'")), "tazlab:backupSchedule: '0 3 1 * 1' restricts both the day of month and the day of week (cron runs on either, a systemd timer only on both); expected five cron fields (minute hour day-of-month month day-of-week) of *, */n, n or n-m lists, numbers only, e.g. \"0 3 * * *\" (03:00 UTC daily)" },
        { Prod("backup retention out of range", Set("tazlab:backupKeepDaily", "5000")), "tazlab:backupKeepDaily: 5000 is out of range; expected a whole number from 0 to 1000" },
        { Prod("backup region with capitals", Set("tazlab:backupRegion", "FSN1")), "tazlab:backupRegion: 'FSN1' is not a region name; expected lower-case letters, digits and hyphens, e.g. fsn1 or eu-central-1, or empty" },
        { Prod("backup storage key in plain text", Set("tazlab:backupSecretAccessKey", "abc")), "tazlab:backupSecretAccessKey: is set in plain text; expected a secret: pulumi config set --secret tazlab:backupSecretAccessKey <value>" },
        { new StackScenario("grants on a referencing stack", "dev", p => p.Set("dev", "tazlab:vaultStackGrants", "[{stack: x, jwtMount: jwt-x, kvPrefix: x}]")), "tazlab:vaultStackGrants: is set, but this stack references that part from another stack; expected no value here (set it in the owning stack)" },
    };

    [Theory]
    [MemberData(nameof(Failing))]
    public void Rule_trips_with_its_message(StackScenario scenario, string expected)
    {
        var lines = scenario.Lines();

        Assert.Contains(expected, lines);
    }

    public static TheoryData<StackScenario> Passing => new()
    {
        Prod("auth key expiry at the 90-day limit", Set("tazlab:authKeyExpiry", "90d")),
        Prod("CoreDNS IP at the last host address", Set("tazlab:corednsClusterIp", "10.111.255.254")),
        Prod("three control-plane nodes", Nodes(Node0, Node0.Replace("cp-1", "cp-2", StringComparison.Ordinal).Replace("801", "802", StringComparison.Ordinal).Replace(".81", ".82", StringComparison.Ordinal), Node0.Replace("cp-1", "cp-3", StringComparison.Ordinal).Replace("801", "803", StringComparison.Ordinal).Replace(".81", ".83", StringComparison.Ordinal))),
        Prod("image pinned by digest", Set("tazlab:corednsImage", "registry.k8s.io/coredns/coredns@sha256:" + new string('a', 64))),
        Prod("image behind a registry port", Set("tazlab:corednsImage", "registry.internal:5000/coredns/coredns:v1.12.4")),
        Prod("port written as a quoted string (pulumi config set)", Set("tazlab:vaultApiPort", "'8200'")),
        Prod("role with explicit max TTL", Set("tazlab:vaultJwtRoles", Role(", tokenMaxTtl: 48h"))),
        Prod("SSH from one address", Set("tazlab:vaultSshSources", "[203.0.113.7/32]")),
        Prod("secret set with secure:", Set("tazlab:fluxGitToken", "{secure: AAABAJ0aWFmZQ==}")),
    };

    [Theory]
    [MemberData(nameof(Passing))]
    public void Neighbouring_valid_value_passes(StackScenario scenario)
    {
        var result = scenario.Load();

        Assert.Empty(result.Errors.Select(d => d.ToString()));
    }

    [Fact]
    public void Even_number_of_control_planes_is_a_warning_not_an_error()
    {
        var scenario = Prod("two control planes", Nodes(Node0, Node0.Replace("cp-1", "cp-2", StringComparison.Ordinal).Replace("801", "802", StringComparison.Ordinal).Replace(".81", ".82", StringComparison.Ordinal)));

        var result = scenario.Load();

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("warning: tazlab:talosNodes: has 2 control-plane nodes: etcd keeps quorum no better than with 1; expected an odd number of control-plane nodes (1, 3 or 5)", warning.ToString());
    }

    [Fact]
    public void All_problems_are_reported_in_one_pass()
    {
        var scenario = Prod("three problems", p =>
        {
            p.Set("prod", "tazlab:tailnetName", "bad");
            p.Set("prod", "tazlab:vaultApiPort", "0");
            p.Set("prod", "tazlab:corednsImage", "coredns:latest");
        });

        var lines = scenario.Lines();

        Assert.Equal(3, lines.Count);
        Assert.All(lines, line => Assert.Matches("^tazlab:[A-Za-z]+: .+; expected .+$", line));
    }

    [Fact]
    public void A_missing_value_is_not_also_reported_as_malformed()
    {
        var lines = Prod("missing CIDR", p => p.Remove("prod", "tazlab:nodeCidr")).Lines();

        Assert.Equal(["tazlab:nodeCidr: is missing; expected a value"], lines);
    }
}
