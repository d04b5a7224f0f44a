using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.VaultAuth;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ061: every JWT role binds audiences the API server issues tokens for (its api-audiences, one definition in
/// <see cref="Stacks.Naming.PlatformNames.ApiServerAudiences"/>), and the backend's bound issuer is the cluster's service-account issuer.
/// </summary>
public sealed class JwtAudienceRule : ISafetyRule
{
    public string Id => "TZ061";

    public string Title => "JWT roles bind only the API server's api-audiences, and the bound issuer is the service-account issuer";

    public string Fix => "Leave a role's audience unset (it defaults to the Vault API URL) or set it to one of the API server's api-audiences; bound_issuer is the service-account issuer.";

    public RuleResult Evaluate(PlanContext context)
    {
        var shipped = context.Rendering.Get<VaultAuthRendering>().ReadJwtAuthFile();
        var allowed = context.Names.ApiServerAudiences;
        var messages = new List<string>();
        if (shipped.Config.BoundIssuer != context.Names.ServiceAccountIssuer)
        {
            messages.Add($"the {shipped.Mount} backend's bound_issuer is {shipped.Config.BoundIssuer}, not the service-account issuer {context.Names.ServiceAccountIssuer}");
        }

        foreach (var role in shipped.Roles)
        {
            if (role.BoundAudiences.Count == 0)
            {
                messages.Add($"role {role.Name} binds no audience: it would accept a token meant for any service");
            }

            foreach (var audience in role.BoundAudiences.Where(a => !allowed.Contains(a)))
            {
                messages.Add($"role {role.Name} binds audience {audience}, which is not among the API server's api-audiences ({string.Join(", ", allowed)})");
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
