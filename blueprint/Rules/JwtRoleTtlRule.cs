using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Reading;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ063: JWT role token TTLs are within Vault's limits and short. JWT auth does not call TokenReview, so a
/// Vault token from a revoked service-account token lives until its TTL runs out.
/// </summary>
public sealed class JwtRoleTtlRule : ISafetyRule
{
    /// <summary>Above this a role's TTL is allowed but warned about.</summary>
    public static readonly TimeSpan ShortTtl = TimeSpan.FromHours(24);

    public string Id => "TZ063";

    public string Title => "JWT role token TTLs are positive, at most 768h, max ≥ ttl, and short (warn above 24h)";

    public string Fix => "Set tokenTtl to 24h or less and tokenMaxTtl between tokenTtl and 768h in tazlab:vaultJwtRoles.";

    public RuleResult Evaluate(PlanContext context)
    {
        var shipped = context.Rendering.Get<VaultAuthRendering>().ReadJwtAuthFile();
        var failures = new List<string>();
        var warnings = new List<string>();
        var max = VaultKubernetesAuthConfig.MaxTokenTtl;
        foreach (var role in shipped.Roles)
        {
            var ttl = TimeSpan.FromSeconds(role.TokenTtl);
            var maxTtl = TimeSpan.FromSeconds(role.TokenMaxTtl);
            if (ttl <= TimeSpan.Zero || ttl > max)
            {
                failures.Add($"role {role.Name}: token_ttl {Show(ttl)} is outside (0, {Show(max)}]");
            }

            if (maxTtl < ttl || maxTtl > max)
            {
                failures.Add($"role {role.Name}: token_max_ttl {Show(maxTtl)} is outside [token_ttl {Show(ttl)}, {Show(max)}]");
            }

            if (ttl > ShortTtl && ttl <= max)
            {
                warnings.Add($"role {role.Name}: token_ttl {Show(ttl)} is above {Show(ShortTtl)}; a token from a revoked service account stays valid that long");
            }
        }

        return failures.Count > 0 ? RuleResult.Fail(this, [.. failures, .. warnings])
            : warnings.Count > 0 ? RuleResult.Warn(this, warnings)
            : RuleResult.Pass(this);
    }

    /// <summary>Whole hours as hours (768h, not 32d: Vault's limit reads in hours), anything else as the config spells it.</summary>
    private static string Show(TimeSpan duration) =>
        duration < TimeSpan.Zero ? $"-{Show(duration.Negate())}"
        : duration > TimeSpan.Zero && duration.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)duration.TotalHours}h"
        : DurationParser.Format(duration);
}
