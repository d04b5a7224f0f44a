using Tazlab.TestSupport.FakeVault;

namespace Tazlab.Cli.Tests;

/// <summary>
/// <c>vault unseal</c> in-process against a stand-in Vault over HTTPS on 127.0.0.1, with the keys on stdin and the
/// CA from a file: what every <c>up</c> runs before the Vault provider talks to Vault.
/// </summary>
public sealed class VaultUnsealCommandTests : IAsyncLifetime, IDisposable
{
    private const string Keys = "key-1\nkey-2\nkey-3\nkey-4\nkey-5\n";
    private readonly string _folder = Directory.CreateTempSubdirectory("tazlab-unseal").FullName;
    private FakeVaultServer _vault = null!;

    private string CaFile => Path.Combine(_folder, "vault-ca.pem");

    public async Task InitializeAsync()
    {
        _vault = await FakeVaultServer.StartAsync();
        await File.WriteAllTextAsync(CaFile, _vault.Certificates.CaPem);
    }

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CliRun Unseal(string stdin, string? url = null, string? caFile = null) =>
        CliRun.WithStdin(_folder, stdin, "vault", "unseal", "--url", url ?? _vault.BaseUrl, "--ca-file", caFile ?? CaFile);

    [Fact]
    public void A_sealed_vault_is_unsealed_and_exits_0_printing_no_key()
    {
        var run = Unseal(Keys);

        Assert.Equal(0, run.ExitCode);
        Assert.False(_vault.Sealed);
        Assert.Contains("unsealed with 3 key shares", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("key-", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsealed_vault_exits_0_and_gets_no_key()
    {
        _vault.Sealed = false;

        var run = Unseal(Keys);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(_vault.Received);
    }

    [Fact]
    public void Wrong_keys_exit_1()
    {
        var run = Unseal("wrong\n");

        Assert.Equal(1, run.ExitCode);
        Assert.True(_vault.Sealed);
    }

    [Fact]
    public void No_key_on_stdin_exits_2_before_any_request()
    {
        var run = Unseal("\n \n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("stdin: holds no key share", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_vault.Received);
    }

    [Fact]
    public void A_plain_http_url_or_a_missing_ca_file_exits_2()
    {
        Assert.Equal(2, Unseal(Keys, url: "http://127.0.0.1:8200").ExitCode);
        var missing = Unseal(Keys, caFile: Path.Combine(_folder, "missing.pem"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--ca-file:", missing.Stderr, StringComparison.Ordinal);
        Assert.Empty(_vault.Received);
    }
}
