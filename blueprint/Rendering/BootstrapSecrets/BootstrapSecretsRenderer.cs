using k8s.Models;
using Tazlab.Blueprint.Rendering.Kubernetes;
using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Rendering.BootstrapSecrets;

/// <summary>Renders the bootstrap Secrets with their values taken from <see cref="RenderInput.Values"/> (placeholders offline).</summary>
public static class BootstrapSecretsRenderer
{
    /// <summary>The Secret the tailscale-operator chart reads its OAuth client from (its default name and keys).</summary>
    public const string OperatorOAuthSecretName = "operator-oauth";

    /// <summary>Flux bootstrap's default Git credential Secret.</summary>
    public const string FluxNamespace = "flux-system";

    public static BootstrapSecretsRendering Render(RenderInput input)
    {
        var config = input.Config;
        V1Secret? operatorOAuth = null;
        if (config.Operator.OAuthSource == OAuthSecretSource.Bootstrap)
        {
            operatorOAuth = Secret(OperatorOAuthSecretName, config.Operator.Namespace, new Dictionary<string, string>
            {
                ["client_id"] = input.Values[ApplyTimeValue.OperatorOAuthClientId],
                ["client_secret"] = input.Values[ApplyTimeValue.OperatorOAuthClientSecret],
            });
        }

        var flux = Secret(FluxNamespace, FluxNamespace, new Dictionary<string, string>
        {
            ["username"] = config.BootstrapSecrets.FluxGitUsername,
            ["password"] = input.Values[ApplyTimeValue.FluxGitToken],
        });

        var files = new List<RenderedFile>();
        if (operatorOAuth is not null)
        {
            files.Add(new RenderedFile(BootstrapSecretsRendering.OperatorOAuthFile, KubernetesManifests.Write([operatorOAuth])));
        }

        files.Add(new RenderedFile(BootstrapSecretsRendering.FluxGitCredentialFile, KubernetesManifests.Write([flux])));
        return new BootstrapSecretsRendering(operatorOAuth, flux, files);
    }

    private static V1Secret Secret(string name, string ns, Dictionary<string, string> data) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "tazlab" },
        },
        Type = "Opaque",
        StringData = data,
    };
}
