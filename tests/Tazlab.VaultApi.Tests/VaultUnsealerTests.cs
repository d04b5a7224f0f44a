using Tazlab.TestSupport.FakeVault;
using Tazlab.VaultApi.Unseal;

namespace Tazlab.VaultApi.Tests;

/// <summary>The unseal against a stand-in Vault over real HTTPS, trusting only the stand-in's CA.</summary>
public sealed class VaultUnsealerTests
{
    private static readonly string[] AllKeys = ["key-1", "key-2", "key-3", "key-4", "key-5"];

    private static async Task<(UnsealOutcome Outcome, List<string> Log)> UnsealAsync(FakeVaultServer vault, IReadOnlyList<string> keys, string? caPem = null)
    {
        using var handler = VaultTrust.Handler(caPem ?? vault.Certificates.CaPem, out var problem)!;
        Assert.Null(problem);
        using var http = new HttpClient(handler, disposeHandler: false);
        var log = new List<string>();
        var outcome = await new VaultUnsealer(http, new Uri(vault.BaseUrl + "/")).UnsealAsync(keys, log.Add, CancellationToken.None);
        return (outcome, log);
    }

    [Fact]
    public async Task A_sealed_vault_gets_key_shares_until_it_reports_unsealed_and_no_more()
    {
        await using var vault = await FakeVaultServer.StartAsync();

        var (outcome, log) = await UnsealAsync(vault, AllKeys);

        Assert.True(outcome.Unsealed, outcome.Message);
        Assert.False(vault.Sealed);
        Assert.Equal(["key-1", "key-2", "key-3"], vault.Received);
        Assert.DoesNotContain(log.Append(outcome.Message), line => line.Contains("key-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unsealed_vault_gets_no_key()
    {
        await using var vault = await FakeVaultServer.StartAsync();
        vault.Sealed = false;

        var (outcome, _) = await UnsealAsync(vault, AllKeys);

        Assert.True(outcome.Unsealed);
        Assert.Empty(vault.Received);
        Assert.Contains("no key sent", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_that_are_not_the_vaults_fail_without_quoting_them()
    {
        await using var vault = await FakeVaultServer.StartAsync();

        var (outcome, _) = await UnsealAsync(vault, ["not-a-key"]);

        Assert.False(outcome.Unsealed);
        Assert.True(vault.Sealed);
        Assert.Contains("HTTP 400", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-key", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_few_keys_leave_it_sealed_and_say_so()
    {
        await using var vault = await FakeVaultServer.StartAsync();

        var (outcome, _) = await UnsealAsync(vault, ["key-1", "key-2"]);

        Assert.False(outcome.Unsealed);
        Assert.Contains("still sealed after 2 key shares (progress 2 of 3)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_whose_certificate_another_ca_signed_gets_no_key()
    {
        await using var vault = await FakeVaultServer.StartAsync();
        using var other = new TestCertificates("another-ca");

        var (outcome, _) = await UnsealAsync(vault, AllKeys, other.CaPem);

        Assert.False(outcome.Unsealed);
        Assert.Contains("cannot be reached", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(vault.Received);
    }

    [Fact]
    public async Task An_uninitialised_vault_is_left_to_the_init()
    {
        await using var vault = await FakeVaultServer.StartAsync();
        vault.Initialized = false;

        var (outcome, _) = await UnsealAsync(vault, AllKeys);

        Assert.False(outcome.Unsealed);
        Assert.Contains("not initialised", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(vault.Received);
    }

    [Fact]
    public void A_ca_file_without_a_certificate_is_refused()
    {
        Assert.Null(VaultTrust.Handler("not a pem", out var problem));
        Assert.Equal("holds no PEM certificate", problem);
    }
}
