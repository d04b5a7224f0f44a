using Pulumi;
using Pulumi.Vault;
using Pulumi.Vault.AppRole;
using Tazlab.Blueprint.Rendering.Backup;
using Tazlab.Components.Rendering;
using Tazlab.Components.VaultAccess;
using Tazlab.Stacks.Naming;
using RemoteCommand = Pulumi.Command.Remote.Command;
using RemoteCommandArgs = Pulumi.Command.Remote.CommandArgs;
using RemoteLogging = Pulumi.Command.Remote.Logging;
using VaultServerComponent = Tazlab.Components.VaultServer.VaultServer;

namespace Tazlab.Components.Backup;

/// <summary>
/// The Vault VM's off-site backups: the backup credential (a policy that reads sys/storage/raft/snapshot and nothing
/// else, an AppRole role usable only from the VM itself, its secret id), and the rendered install script run over SSH
/// on the tailnet, which writes the credentials it reads on stdin to root-only files and enables the timer. A changed
/// script or credential runs it again (an update); a new server gets it from scratch; removing it disables the timer.
/// </summary>
public sealed class VaultBackup : ComponentResource
{
    public const string TypeToken = "tazlab:backup:VaultBackup";

    public const string Node = "vault-backup";

    /// <summary>Vault sees the VM's own calls to its loopback listener as coming from here.</summary>
    public static readonly IReadOnlyList<string> LoopbackCidrs = ["127.0.0.1/32"];

    public VaultBackup(string name, VaultBackupArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var wiring = args.Wiring;
        var rendering = args.Rendering.Get<BackupRendering>();
        var policy = rendering.VaultPolicy ?? throw new ArgumentException("This stack renders no Vault backup.", nameof(args));
        CustomResourceOptions OnVault(params Resource[] after) => new() { Parent = this, Provider = args.Provider, DependsOn = wiring.DependenciesOf(Node, after) };

        var written = wiring.Register(Node, new Policy(policy.Name, new PolicyArgs
        {
            Name = policy.Name,
            PolicyContents = ApplyTimeRendering.File(rendering, BackupRendering.VaultPolicyFile),
        }, OnVault()));
        var roleOptions = OnVault(written);
        roleOptions.AdditionalSecretOutputs = ["roleId"];
        var role = wiring.Register(Node, new AuthBackendRole(policy.Name, ProgramAppRoleArgs.For(policy.Name, LoopbackCidrs), roleOptions));
        var secretId = wiring.Register(Node, new AuthBackendRoleSecretId(policy.Name, new AuthBackendRoleSecretIdArgs
        {
            Backend = VaultAuthNames.AppRoleMount,
            RoleName = role.RoleName,
        }, OnVault(role)));

        var secrets = args.Secrets;
        var stdin = Output.Tuple(role.RoleId, secretId.SecretId, secrets.AccessKeyId, secrets.SecretAccessKey, secrets.Password)
            .Apply(t => VaultBackupInstall.Stdin(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5));
        var script = ApplyTimeRendering.File(rendering, BackupRendering.VaultInstallFile);
        var install = wiring.Register(Node, new RemoteCommand("vault-backup", new RemoteCommandArgs
        {
            Connection = VaultServerComponent.TailnetConnection(args.Names, args.SshPrivateKey),
            Create = script,
            Update = script,
            Delete = VaultBackupInstall.UninstallCommand(args.Names.VaultBackupTimer),
            Stdin = Output.CreateSecret(stdin),
            Triggers = { (Input<object>)args.ServerId.Apply(id => (object)id) },
            AddPreviousOutputInEnv = false,
            Logging = RemoteLogging.Stderr,
        }, new CustomResourceOptions { Parent = this, DependsOn = wiring.DependenciesOf(Node, secretId) }));

        Repository = Output.Create(rendering.VaultRepository ?? string.Empty);
        InstallId = install.Id;
        RegisterOutputs(new Dictionary<string, object?> { ["repository"] = Repository, ["installId"] = InstallId });
    }

    /// <summary>The restic repository of Vault's snapshots (no secret in it).</summary>
    [Output("repository")]
    public Output<string> Repository { get; }

    [Output("installId")]
    public Output<string> InstallId { get; }
}
