using System.Globalization;
using Pulumi;
using Pulumi.HCloud;
using Pulumi.HCloud.Inputs;
using Pulumi.Tls;
using Pulumi.Tls.Inputs;
using Tazlab.Blueprint.Rendering.VaultServer;
using Tazlab.Components.Rendering;
using Tazlab.Components.Tailnet;
using Tazlab.Stacks.Naming;
using Pulumi.Command.Local;
using Tazlab.Components.Commands;
using Tazlab.Components.VaultKubernetesAuth;
using LocalLogging = Pulumi.Command.Local.Logging;
using RemoteCommand = Pulumi.Command.Remote.Command;
using RemoteCommandArgs = Pulumi.Command.Remote.CommandArgs;
using RemoteConnectionArgs = Pulumi.Command.Remote.Inputs.ConnectionArgs;
using RemoteLogging = Pulumi.Command.Remote.Logging;

namespace Tazlab.Components.VaultServer;

/// <summary>
/// HashiCorp Vault on a Hetzner Cloud server, reachable only over the tailnet. Its PKI names Vault by its MagicDNS
/// FQDN (the SANs come from the rendering); the server boots the rendered cloud-init, which holds no secret; its own
/// auth key reaches it over SSH on the public address and it joins the tailnet; then, over the tailnet, the TLS files
/// are installed (and Vault started), and Vault is initialised once: the init unseals it, gives the program an AppRole credential
/// of its own and revokes the root token; every later <c>up</c> unseals it if it restarted sealed. The certificate renews itself within <see cref="CertificateRenewalHours"/> of
/// its end: an ordinary <c>up</c> then installs the new one and reloads Vault, which stays unsealed. No inbound rule
/// opens the server to the internet but SSH from <c>tazlab:vaultSshSources</c>.
/// </summary>
public sealed class VaultServer : ComponentResource
{
    public const string TypeToken = "tazlab:vault:VaultServer";

    /// <summary>The user the bootstrap commands log in as (Hetzner installs the SSH key for root).</summary>
    public const string SshUser = "root";

    /// <summary>A server certificate lasts five years.</summary>
    public const int CertificateValidityHours = 5 * 365 * 24;

    /// <summary>The first <c>up</c> in the certificate's last 30 days replaces it (the TLS provider marks it at plan time), and the TLS command installs the new one.</summary>
    public const int CertificateRenewalHours = 30 * 24;

    public const int CaValidityHours = 10 * 365 * 24;

    /// <summary>Every input of the init command but its trigger (the server): none of them may run it again.</summary>
    public static readonly IReadOnlyList<string> InitInputsFrozen = ["connection", "create", "update", "delete", "environment", "stdin", "logging", "addPreviousOutputInEnv"];

    public VaultServer(string name, VaultServerArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var config = args.Config;
        var names = args.Names;
        var vault = config.Vault;
        var wiring = args.Wiring;
        var protect = config.Ownership.Protect;

        // PKI: a private CA and a certificate for exactly the rendered SANs (the MagicDNS FQDN, loopback).
        var offline = args.Rendering.Get<VaultServerRendering>();
        var sans = offline.SubjectAlternativeNames;
        var tls = wiring.Options(this, "vault-tls");
        var caKey = wiring.Register("vault-tls", new PrivateKey("ca-key", new PrivateKeyArgs { Algorithm = "ECDSA", EcdsaCurve = "P256" }, tls));
        var ca = wiring.Register("vault-tls", new SelfSignedCert("ca", new SelfSignedCertArgs
        {
            PrivateKeyPem = caKey.PrivateKeyPem,
            IsCaCertificate = true,
            ValidityPeriodHours = CaValidityHours,
            AllowedUses = { "cert_signing", "crl_signing", "digital_signature" },
            Subject = new SelfSignedCertSubjectArgs { CommonName = $"{names.VaultFqdn} CA", Organization = config.ProjectName },
        }, tls));
        var serverKey = wiring.Register("vault-tls", new PrivateKey("server-key", new PrivateKeyArgs { Algorithm = "ECDSA", EcdsaCurve = "P256" }, tls));
        var request = wiring.Register("vault-tls", new CertRequest("server-csr", new CertRequestArgs
        {
            PrivateKeyPem = serverKey.PrivateKeyPem,
            DnsNames = sans.Where(s => s.Kind == SubjectAlternativeNameKind.Dns).Select(s => s.Value).ToList(),
            IpAddresses = sans.Where(s => s.Kind == SubjectAlternativeNameKind.Ip).Select(s => s.Value).ToList(),
            Subject = new CertRequestSubjectArgs { CommonName = names.VaultFqdn, Organization = config.ProjectName },
        }, tls));
        var certificate = wiring.Register("vault-tls", new LocallySignedCert("server-cert", new LocallySignedCertArgs
        {
            CertRequestPem = request.CertRequestPem,
            CaPrivateKeyPem = caKey.PrivateKeyPem,
            CaCertPem = ca.CertPem,
            ValidityPeriodHours = CertificateValidityHours,
            EarlyRenewalHours = CertificateRenewalHours,
            AllowedUses = { "digital_signature", "key_encipherment", "server_auth" },
        }, tls));

        // The user data holds no secret (the metadata service serves it to every process on the VM): the auth key and
        // the TLS files go over SSH, so neither a renewal nor a new key is ever a new server.
        var userData = ApplyTimeRendering.File(offline, VaultServerRendering.CloudInitFile);

        var labels = new InputMap<string>
        {
            { "managed-by", "tazlab" },
            { "stack", config.StackName },
            { "role", "vault" },
        };
        // Hetzner refuses a second SSH key with the same fingerprint or name, and a second firewall or server of one
        // name: each is replaced by deleting the old one first.
        var serverOptions = wiring.Options(this, "vault-server");
        serverOptions.DeleteBeforeReplace = true;
        var sshKey = wiring.Register("vault-server", new SshKey("ssh-key", new SshKeyArgs
        {
            Name = $"{vault.DeviceName}-{config.StackName}",
            PublicKey = vault.SshPublicKey ?? throw new ArgumentException("The owning stack needs tazlab:vaultSshPublicKey.", nameof(args)),
            Labels = labels,
        }, serverOptions));
        var firewall = wiring.Register("vault-server", new Firewall("firewall", new FirewallArgs
        {
            Name = $"{vault.DeviceName}-{config.StackName}",
            Labels = labels,
            // SSH from the configured sources only (the join needs it before the VM is on the tailnet); nothing else comes
            // in: Vault is reached over the tailnet, whose traffic the VM starts.
            Rules = vault.SshSources.Select(source => new FirewallRuleArgs
            {
                Direction = "in",
                Protocol = "tcp",
                Port = "22",
                SourceIps = { source },
                Description = "SSH from tazlab:vaultSshSources",
            }).ToList(),
        }, serverOptions));
        var server = wiring.Register("vault-server", new Server("server", new ServerArgs
        {
            Name = vault.DeviceName,
            ServerType = vault.ServerType,
            Location = vault.Location,
            Image = vault.Image,
            SshKeys = { sshKey.Id },
            FirewallIds = { firewall.Id.Apply(id => int.Parse(id, CultureInfo.InvariantCulture)) },
            Labels = labels,
            UserData = userData,
            DeleteProtection = protect,
            RebuildProtection = protect,
        }, new CustomResourceOptions
        {
            Parent = this,
            DependsOn = wiring.DependenciesOf("vault-server"),
            Protect = protect,
            DeleteBeforeReplace = true,
            // cloud-init runs at first boot only, and Hetzner installs the SSH key only at creation: a changed user data
            // (a new Vault version) or key reaches only a new server and must never replace this one by itself. A
            // replacement boots the current ones (the engine checks a replacement's inputs afresh: pulumi/pulumi
            // v3.259.0 step_generator.go).
            IgnoreChanges = { "userData", "sshKeys" },
        }));

        var serverId = (Input<object>)server.Id.Apply(id => (object)id);

        // The VM's own single-use key, replaced with the server: the old machine used it.
        var keyOptions = wiring.Options(this, "auth-key:vault");
        keyOptions.ReplaceWith.Add(server);
        var authKey = wiring.Register("auth-key:vault", TailnetAuthKeys.Create("vault", vault.Tags, config.Tailnet.AuthKeyExpiry, TailscaleDescriptions.AuthKey(config, "vault"), keyOptions));

        // Before it is on the tailnet the VM is reached only on its public address, where the firewall admits SSH from
        // tazlab:vaultSshSources alone: the key goes on stdin to a 0600 file that tailscale up reads, once per server.
        var join = wiring.Register("vault-joined", new RemoteCommand("vault-join", new RemoteCommandArgs
        {
            Connection = new RemoteConnectionArgs
            {
                Host = server.Ipv4Address,
                User = SshUser,
                PrivateKey = args.SshPrivateKey,
                // sshd answers once the VM has booted; pulumi-command v1.2.1 retries a failed dial after 0.1 s growing
                // by half up to 5 s: 90 retries wait about 7 minutes when dials fail at once.
                DialErrorLimit = 90,
                PerDialTimeout = 10,
            },
            Create = ApplyTimeRendering.File(offline, VaultBootstrapScripts.JoinTailnetFile),
            Stdin = Output.CreateSecret(authKey.Key),
            Triggers = { serverId },
            AddPreviousOutputInEnv = false,
            Logging = RemoteLogging.Stderr,
        }, new CustomResourceOptions
        {
            Parent = this,
            DependsOn = wiring.DependenciesOf("vault-joined"),
            // Only a new server (the trigger) joins again: a new key or script for a joined VM changes nothing on it.
            IgnoreChanges = ["connection", "create", "stdin"],
        }));

        // Over the tailnet, by the one name: install the TLS files and start Vault, then initialise it once.
        var connection = TailnetConnection(names, args.SshPrivateKey);
        var tlsScript = ApplyTimeRendering.File(offline, VaultBootstrapScripts.InstallTlsFile);
        var installTls = wiring.Register("vault-tls-installed", new RemoteCommand("vault-tls", new RemoteCommandArgs
        {
            Connection = connection,
            Create = tlsScript,
            // A renewed certificate is an update: the same script installs it and reloads Vault.
            Update = tlsScript,
            Stdin = Output.CreateSecret(Output.Tuple(certificate.CertPem, serverKey.PrivateKeyPem, ca.CertPem).Apply(t => VaultBootstrapScripts.TlsBundle(t.Item1, t.Item2, t.Item3))),
            Triggers = { serverId },
            AddPreviousOutputInEnv = false,
            Logging = RemoteLogging.Stderr,
        }, new CustomResourceOptions { Parent = this, DependsOn = wiring.DependenciesOf("vault-tls-installed", join) }));
        var init = wiring.Register("vault-initialised", new RemoteCommand("vault-init", new RemoteCommandArgs
        {
            Connection = connection,
            Create = ApplyTimeRendering.File(offline, VaultBootstrapScripts.InitFile),
            Triggers = { serverId },
            AddPreviousOutputInEnv = false,
            // stdout holds the unseal keys and the program's credential: never logged, kept only as a secret.
            Logging = RemoteLogging.Stderr,
        }, new CustomResourceOptions
        {
            Parent = this,
            DependsOn = wiring.DependenciesOf("vault-initialised", installTls),
            AdditionalSecretOutputs = { "stdout" },
            // Its stdout is the only copy of the unseal keys and the credential, and a run would replace it: only a new
            // server (the trigger) may run it again, never an update of its script or of the connection (pulumi-command
            // v1.2.1 re-runs create on an update and replaces stdout). Should one run anyway, the script fails on an
            // initialised Vault, and a failed update keeps the old outputs.
            IgnoreChanges = [.. InitInputsFrozen],
        }));
        var initResult = init.Stdout.Apply(VaultInitResult.Parse);

        // Only now that the state holds the init's output may the VM's copy go.
        wiring.Register("vault-initialised", new RemoteCommand("vault-init-cleanup", new RemoteCommandArgs
        {
            Connection = connection,
            Create = ApplyTimeRendering.File(offline, VaultBootstrapScripts.InitCleanupFile),
            Triggers = { serverId },
            AddPreviousOutputInEnv = false,
            Logging = RemoteLogging.Stderr,
        }, new CustomResourceOptions { Parent = this, DependsOn = wiring.DependenciesOf("vault-initialised", init) }));

        // Next to the provider's copy: the unseal trusts the same CA, from the same file.
        var caFile = ca.CertPem.Apply(pem => VaultCaFile.Write(args.ProjectRoot, config.StackName, pem));
        var unsealKeys = Output.CreateSecret(initResult.Apply(r => r.UnsealInput));
        ApiUrl = Unsealed(names.VaultApiUrl, caFile, unsealKeys, args.ProjectRoot, init);
        CaCertificate = ca.CertPem;
        ProgramRoleId = Output.CreateSecret(initResult.Apply(r => r.RoleId));
        ProgramSecretId = Output.CreateSecret(initResult.Apply(r => r.SecretId));
        ServerId = server.Id;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["apiUrl"] = ApiUrl,
            ["caCertificate"] = CaCertificate,
            ["programRoleId"] = ProgramRoleId,
            ["programSecretId"] = ProgramSecretId,
            ["serverId"] = ServerId,
        });
    }

    /// <summary>SSH to the VM over the tailnet, by its one name: what every command after the join uses.</summary>
    public static RemoteConnectionArgs TailnetConnection(PlatformNames names, Input<string> sshPrivateKey) => new()
    {
        Host = names.VaultFqdn,
        User = SshUser,
        PrivateKey = sshPrivateKey,
        // Tailscale's MagicDNS name resolves for the machine running Pulumi shortly after the join.
        DialErrorLimit = 90,
        PerDialTimeout = 10,
    };

    /// <summary>Vault's one URL: its MagicDNS FQDN on the API port. In an <c>up</c> it resolves once Vault is unsealed.</summary>
    [Output("apiUrl")]
    public Output<string> ApiUrl { get; }

    /// <summary>The CA that signed Vault's certificate (public), for every client.</summary>
    [Output("caCertificate")]
    public Output<string> CaCertificate { get; }

    /// <summary>The role id of the program's own AppRole credential, created by the init (secret).</summary>
    [Output("programRoleId")]
    public Output<string> ProgramRoleId { get; }

    /// <summary>Its secret id (secret): with the role id, what the Vault provider logs in with. The root token is revoked.</summary>
    [Output("programSecretId")]
    public Output<string> ProgramSecretId { get; }

    [Output("serverId")]
    public Output<string> ServerId { get; }

    /// <summary>
    /// Every <c>up</c> (never a preview, which must not touch Vault) unseals Vault with the keys from the init before
    /// anything uses it: a Vault that restarted sealed is unsealed by the next <c>up</c>, and one that is unsealed
    /// gets no key. The keys go on stdin; the command line holds none, and a failure fails the <c>up</c> with the
    /// command's messages, which quote no key.
    /// </summary>
    private static Output<string> Unsealed(string apiUrl, Output<string> caFile, Output<string> unsealKeys, string projectRoot, Resource init)
    {
        if (Deployment.Instance.IsDryRun)
        {
            return Output.Create(apiUrl);
        }

        var run = Run.Invoke(new RunInvokeArgs
        {
            // The CA file's path from the project folder, where the CLI runs (the provider reads it from the program's).
            Command = caFile.Apply(path => TazlabCli.Command($"vault unseal --url {apiUrl} --ca-file {RelativeToProject(path, projectRoot)}")),
            Dir = projectRoot,
            Stdin = unsealKeys,
            AddPreviousOutputInEnv = false,
            Logging = LocalLogging.Stderr,
        }, new InvokeOutputOptions { DependsOn = { init } });
        // The invoke echoes its secret stdin, which makes the whole result secret; the URL is not (and is not in a preview).
        return Output.Unsecret(run.Apply(_ => apiUrl));
    }

    private static string RelativeToProject(string pathFromProgram, string projectRoot) =>
        pathFromProgram.StartsWith(projectRoot.TrimEnd('/') + "/", StringComparison.Ordinal) ? pathFromProgram[(projectRoot.TrimEnd('/').Length + 1)..] : pathFromProgram;
}
