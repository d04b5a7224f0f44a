using Tazlab.Stacks.Configuration;

namespace Tazlab.Stacks.Model;

/// <summary>The Vault VM on Hetzner Cloud, reachable only over the tailnet.</summary>
/// <param name="DeviceName">Tailnet device name; with the tailnet it gives Vault's only name, its MagicDNS FQDN.</param>
/// <param name="SshSources">Public CIDRs allowed to SSH to the server; empty (the default) means none.</param>
/// <param name="SshPublicKey">The key the Hetzner server is created with (for the bootstrap commands over the tailnet).</param>
/// <param name="SshPrivateKey">Its private half, a stack secret, for the join, TLS and init commands over SSH.</param>
/// <param name="StackGrants">The referencing stacks this (owning) stack creates a Vault credential for.</param>
public sealed record VaultServerConfig(
    string DeviceName,
    IReadOnlyList<string> Tags,
    int ApiPort,
    string Location,
    string ServerType,
    string Image,
    string VaultVersion,
    string TailscaleVersion,
    IReadOnlyList<string> SshSources,
    string KvMount,
    string KvPrefix,
    string? SshPublicKey,
    SecretReference SshPrivateKey,
    IReadOnlyList<VaultStackGrant> StackGrants);
