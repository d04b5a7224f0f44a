using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.VaultAuth;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ061: every JWT role binds an audience, and never one of the API server's api-audiences
/// (<see cref="Stacks.Naming.PlatformNames.ApiServerAudiences"/>): a token with such an audience is one the API server
/// accepts - every pod's default token is - so Vault would take any pod's token, and a token sent to Vault would work
/// against the API server. The backend's bound issuer is the cluster's service-account issuer.
/// </summary>
public sealed class JwtAudienceRule : ISafetyRule
{
    public string Id => "TZ061";

    public string Title => "JWT roles bind Vault's own audience, never the API server's, and the bound issuer is the service-account issuer";

    public string Fix => "Leave a role's audience unset (it defaults to the Vault API URL, which pods request in a projected service-account token); bound_issuer is the service-account issuer.";

    public RuleResult Evaluate(PlanContext context)
    {
        var shipped = context.Rendering.Get<VaultAuthRendering>().ReadJwtAuthFile();
        var apiServer = context.Names.ApiServerAudiences;
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

            foreach (var audience in role.BoundAudiences.Where(apiServer.Contains))
            {
                messages.Add($"role {role.Name} binds audience {audience}, the API server's own: Vault would accept every pod's default token, and a token sent to Vault would work against the API server");
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
