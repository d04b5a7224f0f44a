using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Tailnet;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ010: every tag the platform uses (in the policy's grants, tests and SSH rules, on its OAuth clients, its
/// Vault VM, its Talos nodes and the operator's proxies) has an owner in the rendered <c>tagOwners</c>;
/// Tailscale refuses a policy, an OAuth client or an auth key that names an unowned tag.
/// </summary>
public sealed class TailnetTagOwnersRule : ISafetyRule
{
    public string Id => "TZ010";

    public string Title => "Every tag the platform uses has an owner in the rendered tailnet policy's tagOwners";

    public string Fix => "Add the tag under tazlab:tagOwners (owned by autogroup:admin, or by the tag of the client that applies it).";

    public RuleResult Evaluate(PlanContext context)
    {
        if (context.Rendering.Get<TailnetRendering>().Policy is not { } policy)
        {
            return RuleResult.Pass(this);
        }

        var config = context.Config;
        var uses = new List<(string User, string Tag)>();
        foreach (var owner in policy.TagOwners)
        {
            uses.AddRange(owner.Owners.Select(o => ($"tagOwners.{owner.Tag}", o)));
        }

        foreach (var grant in policy.Grants)
        {
            uses.AddRange(grant.Src.Select(s => ($"grant '{grant.Name}' (src)", s)));
            uses.AddRange(grant.Dst.Select(d => ($"grant '{grant.Name}' (dst)", d)));
        }

        foreach (var rule in policy.SshRules)
        {
            uses.AddRange(rule.Src.Select(s => ("an SSH rule (src)", s)));
            uses.AddRange(rule.Dst.Select(d => ("an SSH rule (dst)", d)));
        }

        foreach (var test in policy.Tests)
        {
            uses.Add(($"the test from {test.Src} (src)", test.Src));
            uses.AddRange(test.Accept.Concat(test.Deny)
                .Select(target => PolicyTestTarget.TryParse(target, out var parsed) ? parsed.Host : target)
                .Select(host => ($"the test from {test.Src} (target)", host)));
        }

        foreach (var client in config.Tailnet.OAuthClients)
        {
            uses.AddRange(client.Tags.Select(t => ($"OAuth client '{client.Name}'", t)));
        }

        uses.AddRange(config.Vault.Tags.Select(t => ("the Vault VM", t)));
        uses.AddRange(config.Talos.Tags.Select(t => ("the Talos nodes", t)));
        uses.AddRange(config.Operator.ProxyTags.Select(t => ("the operator's proxies", t)));

        var messages = uses
            .Where(use => use.Tag.StartsWith("tag:", StringComparison.Ordinal) && policy.OwnersOf(use.Tag) is null)
            .Select(use => $"{use.User} uses {use.Tag}, which has no owner in the rendered tagOwners")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return RuleResult.FailIfAny(this, messages);
    }
}
