using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.BootstrapSecrets;

namespace Tazlab.Blueprint.Rules;

/// <summary>TZ070: the secrets bootstrap needs are created directly from stack secrets, never through External Secrets (failures 2 and 5).</summary>
public sealed class BootstrapSecretsRule : ISafetyRule
{
    public string Id => "TZ070";

    public string Title => "Bootstrap secrets (operator OAuth, Flux Git credential) are plain Secrets from stack secrets, not ExternalSecrets";

    public string Fix => "Set tazlab:operatorOAuthSource to bootstrap; Vault and Flux can take the secrets over once the cluster is up.";

    public RuleResult Evaluate(PlanContext context)
    {
        var secrets = context.Rendering.Get<BootstrapSecretsRendering>();
        var messages = new List<string>();
        if (secrets.OperatorOAuth is null)
        {
            messages.Add($"the operator's OAuth secret would come from Vault through External Secrets, but the cluster reaches Vault only through the operator ({context.Config.ProjectName}:operatorOAuthSource is vault)");
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
