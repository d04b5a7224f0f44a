using System.Text.Json;
using Tazlab.Blueprint.Rendering.VaultServer.CloudInit;

namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>
/// The Vault VM as the owning stack renders it: its #cloud-config (packages, TLS files, vault.hcl, the
/// tailnet listener) and the typed facts the Pulumi layer builds the TLS certificate request from.
/// A stack that references another stack's Vault renders nothing here.
/// </summary>
/// <param name="CloudConfig">Null when the stack does not own the Vault server.</param>
/// <param name="ApiAddr">Vault's <c>api_addr</c>: the Vault API URL.</param>
/// <param name="ClusterAddr">Vault's <c>cluster_addr</c>: the MagicDNS name on the cluster port.</param>
/// <param name="SubjectAlternativeNames">Exactly the SANs of Vault's certificate.</param>
public sealed record VaultServerRendering(
    bool Owned,
    CloudConfig? CloudConfig,
    string? ApiAddr,
    string? ClusterAddr,
    IReadOnlyList<SubjectAlternativeName> SubjectAlternativeNames,
    IReadOnlyList<RenderedFile> Files) : IAreaRendering
{
    public const string CloudInitFile = "vault/cloud-init.yaml";

    public static readonly VaultServerRendering NotOwned = new(false, null, null, null, [], []);

    public string Area => "vaultServer";

    /// <summary>vault/cloud-init.yaml read back from its rendered text: what checks inspect is what ships.</summary>
    public CloudConfig ReadCloudInitFile() => CloudConfigReader.Read(
        Files.SingleOrDefault(f => f.Path == CloudInitFile)?.Content ?? throw new FormatException($"{CloudInitFile} is not rendered"));

    public void WritePlanFacts(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteBoolean("owned", Owned);
        if (Owned)
        {
            json.WriteString("apiAddr", ApiAddr);
            json.WriteString("clusterAddr", ClusterAddr);
            json.WriteStartArray("subjectAlternativeNames");
            foreach (var san in SubjectAlternativeNames)
            {
                json.WriteStartObject();
                json.WriteString("type", san.KindName);
                json.WriteString("value", san.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
