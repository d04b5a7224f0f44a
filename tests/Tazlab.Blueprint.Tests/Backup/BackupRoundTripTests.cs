using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using k8s.Models;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Backup;
using Tazlab.TestSupport.ObjectStorage;

namespace Tazlab.Blueprint.Tests.Backup;

/// <summary>
/// The rendered backup and restore scripts, run as the Vault VM's timer and the etcd CronJob run them, with real restic
/// against a real S3-compatible server on 127.0.0.1 (s3rver), and stand-ins for <c>vault</c> and <c>talosctl</c>: a
/// snapshot goes up encrypted, the retention removes the older ones, and a restore gets the same bytes back.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupRoundTripTests : IAsyncLifetime, IDisposable
{
    private const string Password = "correct horse battery staple";

    /// <summary>Bytes that would show in the stored objects if restic did not encrypt (zstd keeps literals as they are).</summary>
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes("TAZLAB-PLAINTEXT-MARKER-0123456789");

    private static readonly Lazy<Plan> ProdPlan = new(() => PlanFixture.Of("prod"));

    private readonly string _work = Directory.CreateTempSubdirectory("tazlab-backup-").FullName;
    private LocalS3Server? _server;

    private LocalS3Server Server => _server ?? throw new InvalidOperationException("the server is not started");

    private static BackupRendering Rendering => ProdPlan.Value.Context.Rendering.Get<BackupRendering>();

    private string Bin => Path.Combine(_work, "bin");

    private string Libexec => Path.Combine(_work, "libexec");

    private string Credentials => Path.Combine(_work, "credentials");

    public async Task InitializeAsync()
    {
        Assert.True(Restic() is not null, "restic is not installed: run scripts/test (it installs Debian's restic), or apt-get install restic");
        _server = await LocalS3Server.StartAsync("tazlab-backups");
        foreach (var folder in new[] { Bin, Libexec, Credentials })
        {
            Directory.CreateDirectory(folder);
        }

        WriteExecutable(Path.Combine(Libexec, "snapshot-upload.sh"), Rendering.FileText(BackupRendering.UploadFile));
        WriteExecutable(Path.Combine(Libexec, "restore-download.sh"), Rendering.FileText(BackupRendering.RestoreFile));
        File.WriteAllText(Path.Combine(Credentials, "vault-role-id"), "backup-role-id");
        File.WriteAllText(Path.Combine(Credentials, "vault-secret-id"), "backup-secret-id");
        File.WriteAllText(Path.Combine(Credentials, "restic-password"), Password);
        // vault: the AppRole login (with the credential's files), the raft snapshot (of the file the test names), the revoke.
        WriteExecutable(Path.Combine(Bin, "vault"), """
            #!/bin/sh
            echo "vault $*" >> "$TEST_CALLS"
            case "$1" in
              write)
                [ "$(cat "${4#role_id=@}"; echo .)" = backup-role-id. ] && [ "$(cat "${5#secret_id=@}"; echo .)" = backup-secret-id. ] || { echo "wrong credential" >&2; exit 2; }
                echo backup-token ;;
              operator)
                [ "$VAULT_TOKEN" = backup-token ] || { echo "no token" >&2; exit 2; }
                cp "$TEST_SNAPSHOT" "$5" ;;
              token) [ "$VAULT_TOKEN" = backup-token ] ;;
            esac
            """);
        // talosctl: etcd snapshot <file> writes the test's etcd snapshot there.
        WriteExecutable(Path.Combine(Bin, "talosctl"), """
            #!/bin/sh
            echo "talosctl $*" >> "$TEST_CALLS"
            for last; do :; done
            cp "$TEST_SNAPSHOT" "$last"
            """);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void The_vault_timer_uploads_encrypted_snapshots_keeps_the_newest_of_the_day_and_restores_the_same_bytes()
    {
        var snapshots = Enumerable.Range(0, 3).Select(_ => Snapshot(256 * 1024)).ToList();
        foreach (var snapshot in snapshots)
        {
            var (code, _, stderr) = RunVaultBackup(snapshot);
            Assert.True(code == 0, stderr);
        }

        var calls = File.ReadAllText(Path.Combine(_work, "calls"));
        Assert.Contains("vault operator raft snapshot save", calls, StringComparison.Ordinal);
        Assert.Contains("vault token revoke -self", calls, StringComparison.Ordinal);
        // The retention (--keep-daily 7 ...): three backups on one day leave the newest, and prune drops the others' data.
        Assert.Single(SnapshotsOf("vault"));
        Assert.InRange(StoredBytes("vault"), snapshots[2].Length / 2, snapshots[2].Length * 3 / 2);
        AssertEncrypted();
        var status = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "vault.json"))).RootElement;
        Assert.Equal("vault", status.GetProperty("store").GetString());
        Assert.Equal("summary", status.GetProperty("summary").GetProperty("message_type").GetString());

        var restored = Path.Combine(_work, "restored.snap");
        var (restoreCode, _, restoreErr) = RunRestore("vault", restored, Environment("vault", Password));
        Assert.True(restoreCode == 0, restoreErr);
        Assert.Equal(snapshots[2], File.ReadAllBytes(restored));
        // Never over an existing file.
        Assert.Equal(2, RunRestore("vault", restored, Environment("vault", Password)).Code);
    }

    [Fact]
    public void A_restore_with_the_wrong_password_fails_and_writes_nothing()
    {
        Assert.Equal(0, RunVaultBackup(Snapshot(4096)).Code);

        var restored = Path.Combine(_work, "wrong.snap");
        var (code, _, _) = RunRestore("vault", restored, Environment("vault", "not the password"));

        Assert.NotEqual(0, code);
        Assert.False(File.Exists(restored));
        Assert.False(File.Exists(restored + ".partial"));
    }

    [Fact]
    public void A_failed_snapshot_fails_the_backup_and_uploads_nothing()
    {
        File.WriteAllText(Path.Combine(Credentials, "vault-secret-id"), "revoked\n");

        var (code, _, stderr) = RunVaultBackup(Snapshot(4096));

        Assert.NotEqual(0, code);
        Assert.Contains("wrong credential", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "vault.json")));
        Assert.DoesNotContain(Directory.EnumerateFiles(Server.DataDirectory, "*", SearchOption.AllDirectories), f => f.Contains("/prod/vault/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_etcd_job_runs_its_init_and_upload_containers_commands_and_the_snapshot_comes_back_the_same()
    {
        var job = Rendering.Etcd!.CronJob.Spec.JobTemplate.Spec.Template.Spec;
        var snapshot = Snapshot(128 * 1024);
        var backup = Path.Combine(_work, "backup");
        Directory.CreateDirectory(backup);
        string Local(string path) => path.Replace("/backup/", backup + "/", StringComparison.Ordinal).Replace(EtcdBackupManifests.ScriptsDirectory + "/", Libexec + "/", StringComparison.Ordinal);

        var init = Assert.Single(job.InitContainers);
        var (initCode, _, initErr) = Run([Path.Combine(Bin, "talosctl"), .. init.Args.Select(Local)], new Dictionary<string, string> { ["TEST_SNAPSHOT"] = WriteSnapshot(snapshot) });
        Assert.True(initCode == 0, initErr);
        var upload = Assert.Single(job.Containers);
        var environment = ContainerEnvironment(upload);
        var (code, _, stderr) = Run([.. upload.Command.Select(Local)], environment);
        Assert.True(code == 0, stderr);

        Assert.Contains($"talosctl --talosconfig {BackupPaths.TalosSecretMount}/config --nodes 192.168.1.81 etcd snapshot {backup}/etcd.snap", File.ReadAllText(Path.Combine(_work, "calls")), StringComparison.Ordinal);
        Assert.Single(SnapshotsOf("etcd"));
        AssertEncrypted();
        var restored = Path.Combine(_work, "etcd-restored.snap");
        Assert.Equal(0, RunRestore("etcd", restored, environment).Code);
        Assert.Equal(snapshot, File.ReadAllBytes(restored));
    }

    /// <summary>The upload container's environment as Kubernetes would give it: literal values, and the Secret's keys.</summary>
    private Dictionary<string, string> ContainerEnvironment(V1Container container)
    {
        var secret = new Dictionary<string, string>
        {
            [EtcdBackupManifests.AccessKeyIdKey] = LocalS3Server.AccessKeyId,
            [EtcdBackupManifests.SecretAccessKeyKey] = LocalS3Server.SecretAccessKey,
            [EtcdBackupManifests.PasswordKey] = Password,
        };
        var environment = container.Env.ToDictionary(e => e.Name, e => e.Value ?? secret[e.ValueFrom.SecretKeyRef.Key], StringComparer.Ordinal);
        // The same repository path, on the local server instead of the stack's endpoint.
        Assert.StartsWith("s3:https://fsn1.your-objectstorage.com/tazlab-backups/prod/etcd", environment["RESTIC_REPOSITORY"], StringComparison.Ordinal);
        environment["RESTIC_REPOSITORY"] = Repository("etcd");
        environment["RESTIC_CACHE_DIR"] = Path.Combine(_work, "cache");
        environment.Remove("AWS_DEFAULT_REGION");
        return environment;
    }

    private (int Code, string Stdout, string Stderr) RunVaultBackup(byte[] snapshot)
    {
        var environment = Environment("vault", password: null);
        environment["RESTIC_PASSWORD_FILE"] = Path.Combine(Credentials, "restic-password");
        environment["TAZLAB_BACKUP_CREDENTIALS"] = Credentials;
        environment["TAZLAB_BACKUP_LIBEXEC"] = Libexec;
        environment["TAZLAB_BACKUP_STATUS_FILE"] = Path.Combine(_work, "vault.json");
        environment["TEST_SNAPSHOT"] = WriteSnapshot(snapshot);
        var script = Path.Combine(_work, "vault-snapshot.sh");
        WriteExecutable(script, Rendering.FileText(BackupRendering.VaultSnapshotFile));
        return Run(["/bin/sh", script], environment);
    }

    private (int Code, string Stdout, string Stderr) RunRestore(string store, string output, Dictionary<string, string> environment) =>
        Run(["/bin/sh", Path.Combine(Libexec, "restore-download.sh"), store, output], environment);

    private Dictionary<string, string> Environment(string store, string? password)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RESTIC_REPOSITORY"] = Repository(store),
            ["AWS_ACCESS_KEY_ID"] = LocalS3Server.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = LocalS3Server.SecretAccessKey,
            ["RESTIC_CACHE_DIR"] = Path.Combine(_work, "cache"),
        };
        if (password is not null)
        {
            environment["RESTIC_PASSWORD"] = password;
        }

        return environment;
    }

    private string Repository(string store) => $"s3:{Server.Endpoint}/{Server.Bucket}/prod/{store}";

    private List<JsonElement> SnapshotsOf(string store)
    {
        var (code, stdout, stderr) = Run([Restic()!, "snapshots", "--json"], Environment(store, Password));
        Assert.True(code == 0, stderr);
        return [.. JsonDocument.Parse(stdout).RootElement.EnumerateArray()];
    }

    private long StoredBytes(string store) =>
        Directory.EnumerateFiles(Path.Combine(Server.DataDirectory, Server.Bucket, "prod", store, "data"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith("._S3rver_object", StringComparison.Ordinal))
            .Sum(f => new FileInfo(f).Length);

    private void AssertEncrypted()
    {
        var stored = Directory.EnumerateFiles(Server.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(stored);
        Assert.All(stored, file => Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(Plaintext) < 0, $"{file} holds the snapshot's plaintext"));
    }

    private static byte[] Snapshot(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        for (var at = 0; at + Plaintext.Length < size; at += size / 4)
        {
            Plaintext.CopyTo(bytes, at);
        }

        return bytes;
    }

    private string WriteSnapshot(byte[] snapshot)
    {
        var path = Path.Combine(_work, "source.snap");
        File.WriteAllBytes(path, snapshot);
        return path;
    }

    private (int Code, string Stdout, string Stderr) Run(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(command[0], command.Skip(1))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = $"{Bin}:/usr/local/bin:/usr/bin:/bin";
        start.Environment["HOME"] = _work;
        start.Environment["TEST_CALLS"] = Path.Combine(_work, "calls");
        // restic (Go) trusts the test server's certificate through this.
        start.Environment["SSL_CERT_FILE"] = Server.CaFile;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} did not finish in 2 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string? Restic() =>
        new[] { "/usr/local/bin/restic", "/usr/bin/restic", "/bin/restic" }.FirstOrDefault(File.Exists);

    private static void WriteExecutable(string path, string text)
    {
        File.WriteAllText(path, text.Replace("\r", string.Empty, StringComparison.Ordinal) + (text.EndsWith('\n') ? string.Empty : "\n"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
