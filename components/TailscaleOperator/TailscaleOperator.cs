using Pulumi;
using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Yaml.V2;
using Pulumi.Kubernetes.Yaml.V2;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.BootstrapSecrets;
using Tazlab.Blueprint.Rendering.Operator;
using Tazlab.Components.Kubernetes;
using Tazlab.Components.Rendering;

namespace Tazlab.Components.TailscaleOperator;

/// <summary>
/// The Tailscale Kubernetes operator: its privileged namespace, its OAuth Secret created directly from stack
/// outputs (the operator must start before Vault is reachable, so never from Vault), the pinned Helm release with
/// the rendered values, and the two Services it turns into tailnet devices: the API server's LoadBalancer and the
/// Vault egress (ExternalName to Vault's MagicDNS name).
/// </summary>
public sealed class TailscaleOperator : ComponentResource
{
    public const string TypeToken = "tazlab:operator:TailscaleOperator";

    public const string ChartName = "tailscale-operator";

    public const string ChartRepository = "https://pkgs.tailscale.com/helmcharts";

    public TailscaleOperator(string name, TailscaleOperatorArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var config = args.Config;
        var wiring = args.Wiring;
        var cluster = args.Cluster;
        var operatorFiles = args.Rendering.Get<OperatorRendering>();
        var oauthShape = args.Rendering.Get<BootstrapSecretsRendering>().OperatorOAuth
            ?? throw new ArgumentException("The operator's OAuth secret must be a bootstrap secret (tazlab:operatorOAuthSource: bootstrap).", nameof(args));

        // The namespace and the Secret together: the Secret lives in it, and the release starts with it.
        var ns = wiring.Register("operator-oauth-secret", new ConfigGroup("namespace", new ConfigGroupArgs
        {
            Yaml = ApplyTimeRendering.File(operatorFiles, OperatorRendering.NamespaceFile),
        }, cluster.ComponentOptions(this, wiring.DependenciesOf("operator-oauth-secret"))));
        var applied = ApplyTimeRendering.Render(config, args.Names, new Dictionary<ApplyTimeValue, Output<string>>
        {
            [ApplyTimeValue.OperatorOAuthClientId] = args.OAuthClientId,
            [ApplyTimeValue.OperatorOAuthClientSecret] = args.OAuthClientSecret,
            // The Flux credential in the same rendering is the BootstrapSecrets component's; its placeholder is never shipped from here.
            [ApplyTimeValue.FluxGitToken] = Output.Create(PlaceholderValues.Instance[ApplyTimeValue.FluxGitToken]),
        }, BootstrapSecretsRenderer.Render);
        wiring.Register("operator-oauth-secret", RenderedSecret.Create(
            "operator-oauth",
            oauthShape,
            applied.Apply(r => r.OperatorOAuth!),
            cluster.Options(this, wiring.DependenciesOf("operator-oauth-secret", ns))));

        var release = wiring.Register("tailscale-operator", new Release("operator", new ReleaseArgs
        {
            Name = ChartName,
            Chart = ChartName,
            Version = config.Operator.ChartVersion,
            Namespace = config.Operator.Namespace,
            CreateNamespace = false,
            RepositoryOpts = new RepositoryOptsArgs { Repo = ChartRepository },
            ValueYamlFiles = { new StringAsset(ApplyTimeRendering.File(operatorFiles, OperatorRendering.ValuesFile)) },
            Atomic = true,
        }, cluster.Options(this, wiring.DependenciesOf("tailscale-operator"))));

        // The Services need the operator running to become devices; the API server's is how the tailnet reaches it.
        wiring.Register("vault-egress", new ConfigGroup("services", new ConfigGroupArgs
        {
            Yaml = ApplyTimeRendering.File(operatorFiles, OperatorRendering.ServicesFile),
        }, cluster.ComponentOptions(this, wiring.DependenciesOf("vault-egress", release))));

        Namespace = Output.Create(config.Operator.Namespace);
        RegisterOutputs(new Dictionary<string, object?> { ["namespace"] = Namespace });
    }

    [Output("namespace")]
    public Output<string> Namespace { get; }
}
