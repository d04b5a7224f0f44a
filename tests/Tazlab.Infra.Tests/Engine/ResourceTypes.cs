namespace Tazlab.Infra.Tests.Engine;

/// <summary>The type tokens the program registers.</summary>
public static class ResourceTypes
{
    public const string Acl = "tailscale:index/acl:Acl";
    public const string OAuthClient = "tailscale:index/oauthClient:OauthClient";
    public const string TailnetKey = "tailscale:index/tailnetKey:TailnetKey";
    public const string PrivateKey = "tls:index/privateKey:PrivateKey";
    public const string SelfSignedCert = "tls:index/selfSignedCert:SelfSignedCert";
    public const string CertRequest = "tls:index/certRequest:CertRequest";
    public const string LocallySignedCert = "tls:index/locallySignedCert:LocallySignedCert";
    public const string SshKey = "hcloud:index/sshKey:SshKey";
    public const string Firewall = "hcloud:index/firewall:Firewall";
    public const string Server = "hcloud:index/server:Server";
    public const string RemoteCommand = "command:remote:Command";
    public const string LocalCommand = "command:local:Command";
    public const string Schematic = "talos:imageFactory/schematic:Schematic";
    public const string ProxmoxFile = "proxmoxve:download/file:File";
    public const string Vm = "proxmoxve:index/vmLegacy:VmLegacy";
    public const string MachineSecrets = "talos:machine/secrets:Secrets";
    public const string ConfigurationApply = "talos:machine/configurationApply:ConfigurationApply";
    public const string Bootstrap = "talos:machine/bootstrap:Bootstrap";
    public const string Kubeconfig = "talos:cluster/kubeconfig:Kubeconfig";
    public const string ConfigGroup = "kubernetes:yaml/v2:ConfigGroup";
    public const string Namespace = "kubernetes:core/v1:Namespace";
    public const string Secret = "kubernetes:core/v1:Secret";
    public const string Release = "kubernetes:helm.sh/v3:Release";
    public const string Mount = "vault:index/mount:Mount";
    public const string Policy = "vault:index/policy:Policy";
    public const string JwtBackend = "vault:jwt/authBackend:AuthBackend";
    public const string JwtRole = "vault:jwt/authBackendRole:AuthBackendRole";
    public const string Token = "vault:index/token:Token";
    public const string StackReference = "pulumi:pulumi:StackReference";
    public const string KubernetesProvider = "pulumi:providers:kubernetes";
    public const string ProxmoxProvider = "pulumi:providers:proxmoxve";
    public const string VaultProvider = "pulumi:providers:vault";
}
