using Tazlab.Blueprint.Rendering.VaultAccess;
using Tazlab.Blueprint.Rendering.VaultServer.CloudInit;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;
using Tazlab.Blueprint.Rendering.VaultServer.Systemd;
using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>
/// Renders the Vault VM's #cloud-config for the stack that owns Vault, and the scripts the program runs on it over
/// SSH. The user data holds no secret at all (the metadata service serves it to every process on the VM, and
/// cloud-init keeps it on disk): it installs Tailscale and Vault and writes their configuration. The tailnet auth key
/// goes over SSH on the public address (<see cref="VaultBootstrapScripts.JoinTailnet"/>), the TLS certificate and key
/// over SSH on the tailnet (<see cref="VaultBootstrapScripts.InstallTls"/>), so renewing them is an ordinary update,
/// never a new server.
/// </summary>
public static class VaultServerRenderer
{
    /// <summary>HashiCorp's Debian packages carry a package revision after the Vault version (vault=1.21.1-1).</summary>
    public const string HashiCorpPackageRevision = "-1";

    /// <summary>The names the VM itself reaches Vault by, on the loopback listener.</summary>
    public const string LoopbackName = "localhost";

    public const string LoopbackAddress = "127.0.0.1";

    public static VaultServerRendering Render(RenderInput input)
    {
        var config = input.Config;
        if (config.Ownership.VaultServer != PartOwnership.Own)
        {
            return VaultServerRendering.NotOwned;
        }

        var vault = config.Vault;
        var names = input.Names;
        var apiAddr = names.VaultApiUrl;
        var clusterAddr = $"https://{names.VaultFqdn}:{vault.ApiPort + 1}";

        // The certificate names Vault by its MagicDNS FQDN only (no alias: DOMAIN failure 11), plus loopback for the VM itself.
        IReadOnlyList<SubjectAlternativeName> sans =
        [
            SubjectAlternativeName.Dns(names.VaultFqdn),
            SubjectAlternativeName.Dns(LoopbackName),
            SubjectAlternativeName.Ip(LoopbackAddress),
        ];

        var cloudConfig = new CloudConfig(
            Users: ["default", new CloudConfigUser(VaultServerPaths.User, System: true, VaultServerPaths.Home, NoCreateHome: true, "/bin/false")],
            PackageUpdate: true,
            // jq: the init script reads Vault's JSON with it.
            Packages: ["ca-certificates", "curl", "gnupg", "jq"],
            WriteFiles: Files(input, apiAddr, clusterAddr),
            Runcmd: Commands(input));
        var rendering = Assemble(cloudConfig, apiAddr, clusterAddr, sans);
        return rendering with
        {
            Files =
            [
                .. rendering.Files,
                new RenderedFile(VaultBootstrapScripts.JoinTailnetFile, VaultBootstrapScripts.JoinTailnet(vault.DeviceName, vault.Tags)),
                new RenderedFile(VaultBootstrapScripts.InstallTlsFile, VaultBootstrapScripts.InstallTls()),
                new RenderedFile(VaultBootstrapScripts.InitFile, VaultBootstrapScripts.Init(names.VaultApiUrl, ProgramCredentialPolicies.Owner(config))),
                new RenderedFile(VaultBootstrapScripts.InitCleanupFile, VaultBootstrapScripts.InitCleanup()),
            ],
        };
    }

    /// <summary>A rendering from its typed parts (also how checks are exercised on a hand-built rendering).</summary>
    public static VaultServerRendering Assemble(CloudConfig cloudConfig, string apiAddr, string clusterAddr, IReadOnlyList<SubjectAlternativeName> sans) =>
        new(true, cloudConfig, apiAddr, clusterAddr, sans, [new RenderedFile(VaultServerRendering.CloudInitFile, CloudConfigWriter.Write(cloudConfig))]);

    /// <summary>The apt version string of the configured Vault version.</summary>
    public static string VaultPackageVersion(string version) =>
        version.Contains('-', StringComparison.Ordinal) ? version : version + HashiCorpPackageRevision;

    private static List<CloudConfigFile> Files(RenderInput input, string apiAddr, string clusterAddr)
    {
        var vault = input.Config.Vault;
        var owner = $"{VaultServerPaths.User}:{VaultServerPaths.User}";

        // Deferred: written after cloud-init has created the vault user, before runcmd installs the packages.
        return
        [
            new(VaultServerPaths.Config, HclWriter.Write(VaultServerHcl.Config(apiAddr, clusterAddr, vault.DeviceName, vault.ApiPort)), owner, "0640", Defer: true),
            new(VaultServerPaths.TailnetListenerTemplate, HclWriter.Write(VaultServerHcl.TailnetListenerTemplate(vault.ApiPort)), owner, "0640", Defer: true),
            new(VaultServerPaths.TailnetListenerScript, TailnetListenerScript.Text(), "root:root", "0755", Defer: true),
            new(VaultServerPaths.ServiceDropIn, ServiceDropIn().Write(), "root:root", "0644", Defer: true),
        ];
    }

    private static List<ShellCommand> Commands(RenderInput input)
    {
        var vault = input.Config.Vault;
        var vaultPin = $"vault={VaultPackageVersion(vault.VaultVersion)}";
        var tailscalePin = $"tailscale={vault.TailscaleVersion}";
        return
        [
            ShellCommand.Of("set", "-eu"),
            .. AptRepository.HashiCorp.AddCommands(),
            .. AptRepository.Tailscale.AddCommands(),
            ShellCommand.Of("apt-get", "update"),
            // Exact versions; dpkg keeps the vault.hcl written above instead of the package's sample.
            ShellCommand.Of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
                "-o", "Dpkg::Options::=--force-confdef", "-o", "Dpkg::Options::=--force-confold", tailscalePin, vaultPin),
            // Held: an unattended upgrade would restart Vault, and a restarted Vault is sealed.
            ShellCommand.Of("apt-mark", "hold", "tailscale", "vault"),
            ShellCommand.Of("install", "-d", "-o", VaultServerPaths.User, "-g", VaultServerPaths.User, "-m", "0700", VaultServerPaths.Data),
            // Joined later by vault/join-tailnet.sh, with the key over SSH: the user data holds no secret.
            ShellCommand.Of("systemctl", "enable", "--now", "tailscaled"),
            ShellCommand.Of("systemctl", "daemon-reload"),
            // Enabled for every later boot; at this first boot it waits for its TLS files (the drop-in's condition).
            ShellCommand.Of("systemctl", "enable", "--now", "vault"),
        ];
    }

    /// <summary>vault.service drop-in: start after tailscaled, listen on the tailnet address resolved at start.</summary>
    private static SystemdUnitFile ServiceDropIn() => new(
        ["Written by tazlab: Vault starts after tailscaled and listens on loopback and the VM's tailnet address only."],
        [
            new SystemdSection("Unit",
            [
                new SystemdDirective("Wants", "tailscaled.service", "Wants, not Requires: restarting tailscaled must not restart (and so seal) Vault."),
                new SystemdDirective("After", "tailscaled.service"),
                new SystemdDirective("ConditionPathExists", VaultServerPaths.TlsPrivateKey, "Not before the program has installed its TLS files over SSH (vault/install-tls.sh starts it then)."),
            ]),
            new SystemdSection("Service",
            [
                new SystemdDirective("RuntimeDirectory", "vault"),
                new SystemdDirective("TimeoutStartSec", $"{TailnetListenerScript.WaitSeconds + 30}", $"The listener script waits up to {TailnetListenerScript.WaitSeconds}s for the tailnet address after boot."),
                new SystemdDirective("ExecStartPre", $"+{VaultServerPaths.TailnetListenerScript}", "'+': as root, outside the unit's sandbox, to ask tailscaled for the address."),
                new SystemdDirective("ExecStart", "", "Replace the package's command: add the tailnet listener rendered by the script."),
                new SystemdDirective("ExecStart", $"/usr/bin/vault server -config={VaultServerPaths.Config} -config={VaultServerPaths.TailnetListener}"),
            ]),
        ]);
}
