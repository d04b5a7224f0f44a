using k8s.Models;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.BootstrapSecrets;
using Tazlab.Blueprint.Rendering.Operator;

namespace Tazlab.Blueprint.Rules;

/// <summary>TZ051: the operator reads its OAuth client from the pre-created Secret in its namespace, never from inline Helm values.</summary>
public sealed class OperatorOAuthFromSecretRule : ISafetyRule
{
    public string Id => "TZ051";

    public string Title => "The operator's OAuth credentials come from a Secret in its namespace, never inline in Helm values";

    public string Fix => "Leave the chart's oauth values empty and create the operator-oauth Secret in the operator's namespace from stack secrets.";

    public RuleResult Evaluate(PlanContext context)
    {
        var values = context.Rendering.Get<OperatorRendering>().Values;
        var secret = context.Rendering.Get<BootstrapSecretsRendering>().OperatorOAuth;
        var messages = new List<string>();
        if (values.OAuth.Count > 0)
        {
            messages.Add($"the Helm values carry OAuth credentials inline ({string.Join(", ", values.OAuth.Keys)}), so they would land in the Helm release's stored values");
        }

        if (secret is not null && !IsOperatorSecret(secret, context.Config.Operator.Namespace))
        {
            messages.Add($"the OAuth Secret is {secret.Metadata.NamespaceProperty}/{secret.Metadata.Name}; the chart reads {context.Config.Operator.Namespace}/{BootstrapSecretsRenderer.OperatorOAuthSecretName}");
        }

        return RuleResult.FailIfAny(this, messages);
    }

    private static bool IsOperatorSecret(V1Secret secret, string ns) =>
        secret.Metadata.Name == BootstrapSecretsRenderer.OperatorOAuthSecretName
        && secret.Metadata.NamespaceProperty == ns
        && secret.StringData.ContainsKey("client_id")
        && secret.StringData.ContainsKey("client_secret");
}
