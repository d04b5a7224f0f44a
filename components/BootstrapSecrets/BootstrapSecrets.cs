using Pulumi;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.BootstrapSecrets;
using Tazlab.Components.Kubernetes;
using Tazlab.Components.Rendering;

namespace Tazlab.Components.BootstrapSecrets;

/// <summary>
/// Flux's Git credential as a plain Kubernetes Secret made from a stack secret: Flux must pull the repository
/// before External Secrets (and Vault behind it) is running, so it is never an ExternalSecret.
/// </summary>
public sealed class BootstrapSecrets : ComponentResource
{
    public const string TypeToken = "tazlab:secrets:BootstrapSecrets";

    public BootstrapSecrets(string name, BootstrapSecretsArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var wiring = args.Wiring;
        var cluster = args.Cluster;
        var shape = args.Rendering.Get<BootstrapSecretsRendering>().FluxGitCredential;
        var applied = ApplyTimeRendering.Render(args.Config, args.Names, new Dictionary<ApplyTimeValue, Output<string>>
        {
            [ApplyTimeValue.FluxGitToken] = args.FluxGitToken,
            // The operator's credentials in the same rendering are the operator component's; their placeholders are never shipped from here.
            [ApplyTimeValue.OperatorOAuthClientId] = Output.Create(PlaceholderValues.Instance[ApplyTimeValue.OperatorOAuthClientId]),
            [ApplyTimeValue.OperatorOAuthClientSecret] = Output.Create(PlaceholderValues.Instance[ApplyTimeValue.OperatorOAuthClientSecret]),
        }, BootstrapSecretsRenderer.Render);

        var ns = wiring.Register("flux-git-credential", KubernetesNamespace.Create(shape.Metadata.NamespaceProperty, cluster.Options(this, wiring.DependenciesOf("flux-git-credential"))));
        wiring.Register("flux-git-credential", RenderedSecret.Create(
            "flux-git-credential",
            shape,
            applied.Apply(r => r.FluxGitCredential),
            cluster.Options(this, wiring.DependenciesOf("flux-git-credential", ns))));

        FluxSecretName = Output.Create($"{shape.Metadata.NamespaceProperty}/{shape.Metadata.Name}");
        RegisterOutputs(new Dictionary<string, object?> { ["fluxSecretName"] = FluxSecretName });
    }

    /// <summary>namespace/name of Flux's Git credential.</summary>
    [Output("fluxSecretName")]
    public Output<string> FluxSecretName { get; }
}
