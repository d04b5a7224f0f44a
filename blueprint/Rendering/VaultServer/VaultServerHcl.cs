using Tazlab.Blueprint.Rendering.VaultServer.Hcl;

namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>Vault's server configuration as HCL documents: vault.hcl and the tailnet listener's template.</summary>
public static class VaultServerHcl
{
    /// <summary>/etc/vault.d/vault.hcl: raft storage, the names clients and peers use, and the loopback listener.</summary>
    public static HclDocument Config(string apiAddr, string clusterAddr, string nodeId, int apiPort) => new(
    [
        new HclComment("Written by tazlab. Vault is reached only over the tailnet: it listens on loopback (below) and on"),
        new HclComment("the VM's tailnet address. That address exists only once the VM has joined, so"),
        new HclComment($"{VaultServerPaths.TailnetListenerScript} renders its listener into {VaultServerPaths.TailnetListener}"),
        new HclComment("before every start (see the vault.service drop-in); no listener ever binds a wildcard address."),
        new HclArgument("ui", new HclBool(true)),
        new HclComment("Integrated storage memory-maps its database, which mlock cannot hold: Vault recommends disabling it."),
        new HclArgument("disable_mlock", new HclBool(true)),
        new HclComment("The MagicDNS name is Vault's only name; its certificate carries exactly that name."),
        new HclArgument("api_addr", new HclString(apiAddr)),
        new HclArgument("cluster_addr", new HclString(clusterAddr)),
        new HclBlock("storage", ["raft"],
        [
            new HclArgument("path", new HclString(VaultServerPaths.Data)),
            new HclArgument("node_id", new HclString(nodeId)),
        ]),
        new HclComment("Loopback: the vault CLI and health checks on the VM itself."),
        Listener(VaultServerRenderer.LoopbackAddress, apiPort),
    ]);

    /// <summary>The tailnet listener, with <see cref="VaultServerPaths.TailnetAddressToken"/> where the address goes.</summary>
    public static HclDocument TailnetListenerTemplate(int apiPort) => new(
    [
        new HclComment($"Written by tazlab. A template: {VaultServerPaths.TailnetListenerScript} replaces {VaultServerPaths.TailnetAddressToken}"),
        new HclComment($"with the address `tailscale ip -4` reports (inside 100.64.0.0/10) and writes {VaultServerPaths.TailnetListener}."),
        Listener(VaultServerPaths.TailnetAddressToken, apiPort),
    ]);

    private static HclBlock Listener(string host, int apiPort) => new("listener", ["tcp"],
    [
        new HclArgument("address", new HclString($"{host}:{apiPort}")),
        new HclArgument("cluster_address", new HclString($"{host}:{apiPort + 1}")),
        new HclArgument("tls_cert_file", new HclString(VaultServerPaths.TlsCertificate)),
        new HclArgument("tls_key_file", new HclString(VaultServerPaths.TlsPrivateKey)),
    ]);
}
