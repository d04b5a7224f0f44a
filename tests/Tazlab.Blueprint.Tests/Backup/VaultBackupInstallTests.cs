using System.Diagnostics;
using Tazlab.Blueprint.Rendering.Backup;

namespace Tazlab.Blueprint.Tests.Backup;

/// <summary>
/// The Vault VM's install script, run with its folders moved into a temporary one and stand-ins for systemctl and
/// apt-get: the credentials from stdin land in root-only files as the snapshot script reads them, the scripts and
/// units verbatim with their modes, and the timer is enabled.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VaultBackupInstallTests : IDisposable
{
    private static readonly Lazy<BackupRendering> Rendering = new(() => PlanFixture.Of("prod").Context.Rendering.Get<BackupRendering>());

    private readonly string _root = Directory.CreateTempSubdirectory("tazlab-install-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Local(string path) => _root + path;

    [Fact]
    public void The_install_writes_the_credentials_from_stdin_to_root_only_files_installs_every_file_and_enables_the_timer()
    {
        var (code, stderr) = Install(VaultBackupInstall.Stdin("role-id", "secret-id", "AKIA123", "s3cr3t/Key+=", "pass word $HOME"));

        Assert.True(code == 0, stderr);
        Assert.Equal("role-id", File.ReadAllText(Local(BackupPaths.VaultRoleIdFile)));
        Assert.Equal("secret-id", File.ReadAllText(Local(BackupPaths.VaultSecretIdFile)));
        Assert.Equal("pass word $HOME", File.ReadAllText(Local(BackupPaths.PasswordFile)));
        Assert.Equal(
            [
                "RESTIC_REPOSITORY=s3:https://fsn1.your-objectstorage.com/tazlab-backups/prod/vault",
                $"RESTIC_PASSWORD_FILE={BackupPaths.PasswordFile}",
                "AWS_ACCESS_KEY_ID=AKIA123",
                "AWS_SECRET_ACCESS_KEY=s3cr3t/Key+=",
                "AWS_DEFAULT_REGION=fsn1",
            ],
            File.ReadAllLines(Local(BackupPaths.VaultEnvironmentFile)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Local(BackupPaths.PasswordFile)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Local(BackupPaths.VaultEnvironmentFile)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Local(BackupPaths.CredentialDirectory)));
        Assert.Equal(Rendering.Value.FileText(BackupRendering.VaultSnapshotFile), File.ReadAllText(Local(BackupPaths.VaultSnapshotScript)));
        Assert.Equal(Rendering.Value.FileText(BackupRendering.UploadFile), File.ReadAllText(Local(BackupPaths.UploadScript)));
        Assert.True(File.GetUnixFileMode(Local(BackupPaths.UploadScript)).HasFlag(UnixFileMode.OtherExecute));
        Assert.Equal(Rendering.Value.FileText(BackupRendering.VaultTimerFile), File.ReadAllText(Local($"{BackupPaths.SystemdDirectory}/tazlab-vault-backup.timer")));
        Assert.Contains("systemctl enable --now tazlab-vault-backup.timer", File.ReadAllText(Path.Combine(_root, "calls")), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_root, "*.partial", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("role-id\nsecret-id\nAKIA\n", "stdin ends before the secret access key")]
    [InlineData("role-id\n\nAKIA\nkey\npassword\n", "the vault secret id on stdin is empty")]
    [InlineData("role-id\nsecret-id\nAKIA;rm\nkey\npassword\n", "the storage's keys must be letters")]
    public void Missing_empty_or_unsafe_credentials_stop_the_install_before_anything_is_written(string stdin, string message)
    {
        var (code, stderr) = Install(stdin);

        Assert.NotEqual(0, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Local(BackupPaths.CredentialDirectory)));
    }

    private (int Code, string Stderr) Install(string stdin)
    {
        var bin = Path.Combine(_root, "bin");
        Directory.CreateDirectory(bin);
        foreach (var tool in new[] { "systemctl", "apt-get", "restic" })
        {
            var path = Path.Combine(bin, tool);
            File.WriteAllText(path, $"#!/bin/sh\necho \"{tool} $*\" >> \"{_root}/calls\"\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.CreateDirectory(Local(BackupPaths.SystemdDirectory));
        // The script's own folders, moved under the temporary root; everything else runs as written.
        var script = Rendering.Value.FileText(BackupRendering.VaultInstallFile)
            .Replace($" {BackupPaths.CredentialDirectory}", $" {Local(BackupPaths.CredentialDirectory)}", StringComparison.Ordinal)
            .Replace($" {BackupPaths.LibexecDirectory}", $" {Local(BackupPaths.LibexecDirectory)}", StringComparison.Ordinal)
            .Replace($" {BackupPaths.SystemdDirectory}", $" {Local(BackupPaths.SystemdDirectory)}", StringComparison.Ordinal);
        var start = new ProcessStartInfo("/bin/sh", ["-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = $"{bin}:/usr/bin:/bin";
        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.Result);
    }
}
