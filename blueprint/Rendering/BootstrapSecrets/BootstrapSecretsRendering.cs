using System.Text.Json;
using k8s.Models;

namespace Tazlab.Blueprint.Rendering.BootstrapSecrets;

/// <summary>
/// The secrets a fresh cluster needs before Vault is reachable, as plain Kubernetes Secrets made from stack
/// secrets: the operator's OAuth credentials and Flux's Git credential (never ExternalSecrets).
/// </summary>
/// <param name="OperatorOAuth">Null when the configuration takes the operator's OAuth from Vault instead.</param>
public sealed record BootstrapSecretsRendering(V1Secret? OperatorOAuth, V1Secret FluxGitCredential, IReadOnlyList<RenderedFile> Files) : IAreaRendering
{
    public const string OperatorOAuthFile = "secrets/operator-oauth.yaml";
    public const string FluxGitCredentialFile = "secrets/flux-git-credential.yaml";

    public string Area => "bootstrapSecrets";

    public void WritePlanFacts(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartArray("secrets");
        foreach (var secret in new[] { OperatorOAuth, FluxGitCredential }.OfType<V1Secret>())
        {
            json.WriteStringValue($"{secret.Metadata.NamespaceProperty}/{secret.Metadata.Name}");
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
