using System.Globalization;
using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Rendering.Backup;

/// <summary>
/// The backup's shell scripts. restic does the work that matters - encryption with the repository's password
/// before anything leaves the machine, the S3 upload, the retention and the restore - and the scripts only take the
/// snapshot, hand it over and record the result. POSIX sh: the etcd job runs them in the restic image (BusyBox),
/// the Vault VM under Debian's dash. Secrets never travel in arguments.
/// </summary>
public static class BackupScripts
{
    /// <summary>
    /// <c>snapshot-upload.sh &lt;store&gt; &lt;file&gt;</c>: one snapshot into the store's repository (created by the
    /// first backup), then the retention; the result as one JSON line in <c>TAZLAB_BACKUP_STATUS_FILE</c> if set.
    /// </summary>
    public static string Upload(BackupConfig backup) => Lines(
    [
        "#!/bin/sh",
        "# Written by tazlab. Puts one snapshot into its store's restic repository - restic encrypts it with the",
        "# repository's password before it leaves this machine - then applies the retention (tazlab:backupKeep*).",
        "# Usage: snapshot-upload.sh <store> <snapshot file>",
        "# Environment: RESTIC_REPOSITORY, RESTIC_PASSWORD_FILE or RESTIC_PASSWORD, AWS_ACCESS_KEY_ID,",
        "# AWS_SECRET_ACCESS_KEY (AWS_DEFAULT_REGION); TAZLAB_BACKUP_STATUS_FILE, if set, receives the result.",
        "set -eu",
        "store=\"$1\"",
        "snapshot=\"$2\"",
        "if [ ! -s \"$snapshot\" ]; then",
        "  echo \"backup $store: no snapshot at $snapshot\" >&2",
        "  exit 1",
        "fi",
        "# The first backup creates the repository. One that exists but cannot be read (a wrong password) fails the init too.",
        "if ! restic cat config >/dev/null 2>&1; then",
        "  echo \"backup $store: no repository at $RESTIC_REPOSITORY yet: creating it\" >&2",
        "  restic init >&2",
        "fi",
        "result=$(mktemp)",
        "trap 'rm -f \"$result\"' EXIT",
        $"restic backup --json --host {BackupPaths.SnapshotHost} --tag \"$store\" --stdin --stdin-filename \"$store.snap\" < \"$snapshot\" > \"$result\"",
        "summary=$(grep '\"message_type\":\"summary\"' \"$result\" | tail -n 1)",
        "if [ -z \"$summary\" ]; then",
        "  echo \"backup $store: restic reported no summary\" >&2",
        "  exit 1",
        "fi",
        $"restic forget --host {BackupPaths.SnapshotHost} --tag \"$store\" --group-by host,tags {Retention(backup)} --prune >&2",
        "if [ -n \"${TAZLAB_BACKUP_STATUS_FILE:-}\" ]; then",
        "  printf '{\"store\":\"%s\",\"finishedAt\":\"%s\",\"summary\":%s}\\n' \"$store\" \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" \"$summary\" > \"$TAZLAB_BACKUP_STATUS_FILE.partial\"",
        "  mv \"$TAZLAB_BACKUP_STATUS_FILE.partial\" \"$TAZLAB_BACKUP_STATUS_FILE\"",
        "fi",
        "echo \"backup $store: done\" >&2",
    ]);

    /// <summary>
    /// <c>restore-download.sh &lt;store&gt; &lt;file&gt; [snapshot]</c>: a snapshot (the latest by default) out of the
    /// store's repository into a new file, decrypted and checked by restic; an existing file is never overwritten.
    /// </summary>
    public static string Restore() => Lines(
    [
        "#!/bin/sh",
        "# Written by tazlab. Gets one snapshot back out of its store's restic repository (decrypted, and checked",
        "# against its recorded hashes by restic) into a new file.",
        "# Usage: restore-download.sh <store> <output file> [snapshot id; default: the latest]",
        "# Environment: as snapshot-upload.sh.",
        "set -eu",
        "store=\"$1\"",
        "out=\"$2\"",
        "snapshot=\"${3:-latest}\"",
        "if [ -e \"$out\" ]; then",
        "  echo \"restore $store: $out exists; refusing to overwrite it\" >&2",
        "  exit 2",
        "fi",
        "trap 'rm -f \"$out.partial\"' EXIT",
        $"restic dump --host {BackupPaths.SnapshotHost} --tag \"$store\" \"$snapshot\" \"/$store.snap\" > \"$out.partial\"",
        "if [ ! -s \"$out.partial\" ]; then",
        "  echo \"restore $store: snapshot $snapshot is empty\" >&2",
        "  exit 1",
        "fi",
        "mv \"$out.partial\" \"$out\"",
        "echo \"restore $store: snapshot $snapshot written to $out ($(wc -c < \"$out\" | tr -d ' ') bytes)\" >&2",
    ]);

    /// <summary>
    /// The Vault VM's backup: logs in with the backup credential (AppRole, from loopback only, a policy that reads
    /// <c>sys/storage/raft/snapshot</c> and nothing else), saves a raft snapshot, revokes the token, uploads.
    /// </summary>
    public static string VaultSnapshot(int apiPort, string serviceName) => Lines(
    [
        "#!/bin/sh",
        "# Written by tazlab. Run by " + serviceName + ": takes a raft snapshot of Vault with the backup",
        "# credential, which can do nothing else, and hands it to snapshot-upload.sh. The snapshot lives in a private",
        "# temporary folder only until it is uploaded.",
        "set -eu",
        $": \"${{VAULT_ADDR:=https://{VaultServer.VaultServerRenderer.LoopbackAddress}:{apiPort.ToString(CultureInfo.InvariantCulture)}}}\"",
        $": \"${{VAULT_CACERT:={VaultServer.VaultServerPaths.CaCertificate}}}\"",
        $": \"${{TAZLAB_BACKUP_CREDENTIALS:={BackupPaths.CredentialDirectory}}}\"",
        $": \"${{TAZLAB_BACKUP_LIBEXEC:={BackupPaths.LibexecDirectory}}}\"",
        "export VAULT_ADDR VAULT_CACERT",
        "umask 077",
        "work=$(mktemp -d)",
        "trap 'rm -rf \"$work\"' EXIT",
        "VAULT_TOKEN=$(vault write -field=token auth/approle/login role_id=@\"$TAZLAB_BACKUP_CREDENTIALS/vault-role-id\" secret_id=@\"$TAZLAB_BACKUP_CREDENTIALS/vault-secret-id\")",
        "export VAULT_TOKEN",
        "vault operator raft snapshot save \"$work/vault.snap\"",
        "# The token would expire by itself; revoking it keeps no usable token behind.",
        "vault token revoke -self >/dev/null 2>&1 || true",
        "unset VAULT_TOKEN",
        "\"$TAZLAB_BACKUP_LIBEXEC/snapshot-upload.sh\" vault \"$work/vault.snap\"",
    ]);

    /// <summary>restic forget's keep options; zero counts are left out (restic treats a missing option as keep none).</summary>
    public static string Retention(BackupConfig backup) => string.Join(' ', new[]
    {
        ("--keep-daily", backup.KeepDaily), ("--keep-weekly", backup.KeepWeekly), ("--keep-monthly", backup.KeepMonthly),
    }.Where(k => k.Item2 > 0).Select(k => $"{k.Item1} {k.Item2.ToString(CultureInfo.InvariantCulture)}"));

    internal static string Lines(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";
}
