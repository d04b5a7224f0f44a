using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Tailnet;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ011: the rendered policy stays default deny: no grant or SSH rule names '*' as source, destination, port
/// or user, and every grant's ip entry is a protocol and port range the plan can evaluate.
/// </summary>
public sealed class TailnetDefaultDenyRule : ISafetyRule
{
    public string Id => "TZ011";

    public string Title => "The tailnet policy is default deny: no grant or SSH rule opens '*' (every source, device, port or user)";

    public string Fix => "Name who may connect (tags, groups, users), the one tag they reach and the TCP ports, in tazlab:accessIntents and tazlab:tailnetSshRules.";

    public RuleResult Evaluate(PlanContext context)
    {
        if (context.Rendering.Get<TailnetRendering>().Policy is not { } policy)
        {
            return RuleResult.Pass(this);
        }

        var messages = new List<string>();
        foreach (var grant in policy.Grants)
        {
            var name = $"grant '{grant.Name}'";
            Wildcards(messages, name, "src", grant.Src, "lets every device in");
            Wildcards(messages, name, "dst", grant.Dst, "opens every device");
            foreach (var ip in grant.Ip)
            {
                if (!PolicyIpRange.TryParse(ip, out var range))
                {
                    messages.Add($"{name} has ip '{ip}', which is not a protocol and port range such as tcp:8200");
                }
                else if (range.IsEverything)
                {
                    messages.Add($"{name} has ip '*': every protocol on every port");
                }
                else if (range.OpensEveryPort)
                {
                    messages.Add($"{name} has ip '{ip}': every port");
                }
            }
        }

        foreach (var rule in policy.SshRules)
        {
            var name = $"SSH rule to {string.Join(", ", rule.Dst)}";
            Wildcards(messages, name, "src", rule.Src, "lets every device in");
            Wildcards(messages, name, "dst", rule.Dst, "opens every device");
            Wildcards(messages, name, "users", rule.Users, "allows every local user");
        }

        return RuleResult.FailIfAny(this, messages);
    }

    private static void Wildcards(List<string> messages, string name, string field, IEnumerable<string> values, string effect)
    {
        if (values.Contains(PolicyIpRange.Any, StringComparer.Ordinal))
        {
            messages.Add($"{name} has '*' in {field}: it {effect}");
        }
    }
}
