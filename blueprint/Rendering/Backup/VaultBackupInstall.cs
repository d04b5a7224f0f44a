using Tazlab.Blueprint.Rendering.VaultServer.Systemd;

namespace Tazlab.Blueprint.Rendering.Backup;

/// <summary>
/// The Vault VM's side of the backups, installed over SSH on the tailnet by the Pulumi program (never through the
/// user data, which reaches only a new server): restic from Debian, the scripts, a oneshot service and its timer, and
/// the credentials read from stdin into root-only files. Run again whenever any of it changes; it ends with the timer
/// enabled.
/// </summary>
public static class VaultBackupInstall
{
    /// <summary>What the install reads on stdin, one per line, in this order.</summary>
    public static readonly IReadOnlyList<string> StdinLines = ["vault role id", "vault secret id", "access key id", "secret access key", "repository password"];

    /// <summary>The stdin the Pulumi program sends (secret).</summary>
    public static string Stdin(string roleId, string secretId, string accessKeyId, string secretAccessKey, string password) =>
        string.Join('\n', roleId, secretId, accessKeyId, secretAccessKey, password) + "\n";

    /// <summary>What removing the backup from the stack runs on the VM: the timer stops; the credentials go; restic stays.</summary>
    public static string UninstallCommand(string timerName) =>
        $"systemctl disable --now {timerName} 2>/dev/null || true; rm -rf {BackupPaths.CredentialDirectory}";

    public static SystemdUnitFile Service() => new(
        ["Written by tazlab: one Vault backup - a raft snapshot with the backup credential, encrypted and uploaded by restic."],
        [
            new SystemdSection("Unit",
            [
                new SystemdDirective("Description", "tazlab: Vault raft snapshot to off-site storage"),
                new SystemdDirective("Wants", "network-online.target"),
                new SystemdDirective("After", "network-online.target vault.service"),
            ]),
            new SystemdSection("Service",
            [
                new SystemdDirective("Type", "oneshot", "A failed run leaves the unit failed: systemctl --failed and the status file show it."),
                new SystemdDirective("EnvironmentFile", BackupPaths.VaultEnvironmentFile),
                new SystemdDirective("Environment", $"TAZLAB_BACKUP_STATUS_FILE={BackupPaths.VaultStatusFile}"),
                new SystemdDirective("Environment", $"RESTIC_CACHE_DIR=/var/cache/{BackupPaths.StateDirectoryName}"),
                new SystemdDirective("ExecStart", BackupPaths.VaultSnapshotScript),
                new SystemdDirective("StateDirectory", BackupPaths.StateDirectoryName),
                new SystemdDirective("CacheDirectory", BackupPaths.StateDirectoryName),
                new SystemdDirective("PrivateTmp", "yes", "The unencrypted snapshot lives only in the unit's own /tmp, until it is uploaded."),
                new SystemdDirective("ProtectSystem", "strict"),
                new SystemdDirective("ProtectHome", "yes"),
                new SystemdDirective("NoNewPrivileges", "yes"),
                new SystemdDirective("TimeoutStartSec", "1h"),
            ]),
        ]);

    public static SystemdUnitFile Timer(string onCalendar) => new(
        ["Written by tazlab: Vault backups on tazlab:backupSchedule (UTC)."],
        [
            new SystemdSection("Unit", [new SystemdDirective("Description", "tazlab: Vault backups")]),
            new SystemdSection("Timer",
            [
                new SystemdDirective("OnCalendar", onCalendar),
                new SystemdDirective("Persistent", "true", "A run missed while the VM was off happens at the next boot."),
            ]),
            new SystemdSection("Install", [new SystemdDirective("WantedBy", "timers.target")]),
        ]);

    /// <summary>
    /// The install script: <paramref name="files"/> (path on the VM, mode, content) are written from quoted
    /// here-documents, so nothing in them is expanded; the credentials come from stdin only.
    /// </summary>
    public static string Script(string vaultRepository, string region, string timerName, IReadOnlyList<(string Path, string Mode, string Content)> files)
    {
        const string Delimiter = "TAZLAB_BACKUP_FILE";
        var lines = new List<string>
        {
            "#!/bin/sh",
            "# Written by tazlab. Run by the Pulumi program over SSH on the tailnet whenever the backup's configuration, scripts",
            "# or credentials change: installs restic, the backup scripts and " + timerName + ", and writes the",
            "# credentials it reads on stdin, one per line (" + string.Join(", ", StdinLines) + "),",
            "# to root-only files. Nothing secret is in this script or its arguments.",
            "set -eu",
            "umask 077",
        };
        foreach (var (name, index) in StdinLines.Select((n, i) => (n, i)))
        {
            var variable = $"line{index}";
            lines.Add($"IFS= read -r {variable} || {{ echo \"install-backup: stdin ends before the {name}\" >&2; exit 1; }}");
            lines.Add($"[ -n \"${variable}\" ] || {{ echo \"install-backup: the {name} on stdin is empty\" >&2; exit 1; }}");
        }

        lines.AddRange(
        [
            "# The storage's keys go into a systemd environment file: they must be one plain word each.",
            "for key in \"$line2\" \"$line3\"; do",
            "  case \"$key\" in *[!A-Za-z0-9/+=_.-]*) echo \"install-backup: the storage's keys must be letters, digits and / + = _ . -\" >&2; exit 1 ;; esac",
            "done",
            "if ! command -v restic >/dev/null 2>&1; then",
            "  # The package lists may be older than the mirror: refresh them once if the install fails.",
            "  env DEBIAN_FRONTEND=noninteractive apt-get install -y restic || { apt-get update && env DEBIAN_FRONTEND=noninteractive apt-get install -y restic; }",
            "fi",
            $"install -d -m 0700 {BackupPaths.CredentialDirectory}",
            // No newline: vault write's key=@file sends the file's bytes as they are.
            $"printf '%s' \"$line0\" > {BackupPaths.VaultRoleIdFile}",
            $"printf '%s' \"$line1\" > {BackupPaths.VaultSecretIdFile}",
            $"printf '%s' \"$line4\" > {BackupPaths.PasswordFile}",
            $"cat > {BackupPaths.VaultEnvironmentFile}.partial <<EOF",
            $"RESTIC_REPOSITORY={vaultRepository}",
            $"RESTIC_PASSWORD_FILE={BackupPaths.PasswordFile}",
            "AWS_ACCESS_KEY_ID=$line2",
            "AWS_SECRET_ACCESS_KEY=$line3",
            .. region.Length > 0 ? [$"AWS_DEFAULT_REGION={region}"] : Array.Empty<string>(),
            "EOF",
            $"mv {BackupPaths.VaultEnvironmentFile}.partial {BackupPaths.VaultEnvironmentFile}",
            "umask 022",
            $"install -d -m 0755 {BackupPaths.LibexecDirectory}",
        ]);
        foreach (var (path, mode, content) in files)
        {
            if (content.Split('\n').Contains(Delimiter, StringComparer.Ordinal))
            {
                throw new ArgumentException($"{path} holds the here-document delimiter {Delimiter}", nameof(files));
            }

            lines.Add($"cat > {path}.partial <<'{Delimiter}'");
            lines.Add(content.TrimEnd('\n'));
            lines.Add(Delimiter);
            lines.Add($"chmod {mode} {path}.partial");
            lines.Add($"mv {path}.partial {path}");
        }

        lines.AddRange(
        [
            "systemctl daemon-reload",
            $"systemctl enable --now {timerName}",
            $"echo \"install-backup: {timerName} is enabled; next run: $(systemctl show -P NextElapseUSecRealtime {timerName})\" >&2",
        ]);
        return BackupScripts.Lines(lines);
    }
}
