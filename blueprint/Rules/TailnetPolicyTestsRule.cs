using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Tailnet;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ013: the policy's tests agree with its grants, evaluated here before Tailscale does it on write: every
/// accept test is allowed by some grant, and no deny test (a sensitive pair that must stay closed) is opened by
/// a grant, or on the SSH port by a Tailscale SSH rule. A grant to any tag of a device (the Vault VM carries two)
/// reaches every tag of it, so a grant to tag:vault-api on port 22 opens the Vault VM's SSH as well.
/// </summary>
public sealed class TailnetPolicyTestsRule : ISafetyRule
{
    public string Id => "TZ013";

    public string Title => "The tailnet policy's tests hold: every accept test is granted, no deny test is opened by a grant or SSH rule";

    public string Fix => "Narrow the access intent (or SSH rule) that opens the sensitive pair, or, if the access is intended, change tazlab:denyTests.";

    public RuleResult Evaluate(PlanContext context)
    {
        if (context.Rendering.Get<TailnetRendering>().Policy is not { } policy)
        {
            return RuleResult.Pass(this);
        }

        var devices = TaggedDevice.Of(context.Config);
        var messages = new List<string>();
        foreach (var test in policy.Tests)
        {
            foreach (var target in Targets(test.Src, test.Accept, messages))
            {
                if (PolicyEvaluator.GrantsAllowing(policy, test.Src, target, devices).Count == 0)
                {
                    messages.Add($"accept test {test.Src} -> {target} is allowed by no grant");
                }
            }

            foreach (var target in Targets(test.Src, test.Deny, messages))
            {
                foreach (var grant in PolicyEvaluator.GrantsAllowing(policy, test.Src, target, devices))
                {
                    messages.Add($"deny test {test.Src} -> {target} is opened by grant '{grant.Name}' ({Describe(grant.Src, grant.Dst)}{SharedDevice(grant.Dst, target.Host, devices)})");
                }

                if (target.Port == PolicyEvaluator.SshPort)
                {
                    foreach (var rule in PolicyEvaluator.SshRulesAllowing(policy, test.Src, target.Host, devices))
                    {
                        messages.Add($"deny test {test.Src} -> {target} is opened by an SSH rule ({Describe(rule.Src, rule.Dst)}{SharedDevice(rule.Dst, target.Host, devices)})");
                    }
                }
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }

    private static string Describe(IEnumerable<string> src, IEnumerable<string> dst) => $"from [{string.Join(", ", src)}] to [{string.Join(", ", dst)}]";

    /// <summary>Says why a grant to another tag reaches the tested one: both are on one device.</summary>
    private static string SharedDevice(IReadOnlyList<string> dst, string host, IReadOnlyList<TaggedDevice> devices)
    {
        if (dst.Contains(host, StringComparer.Ordinal))
        {
            return string.Empty;
        }

        var device = devices.FirstOrDefault(d => d.Tags.Contains(host, StringComparer.Ordinal) && d.Tags.Intersect(dst, StringComparer.Ordinal).Any());
        return device is null ? string.Empty : $"; {device.Name} carries both {string.Join(", ", dst.Intersect(device.Tags, StringComparer.Ordinal))} and {host}";
    }

    private static IEnumerable<PolicyTestTarget> Targets(string source, IEnumerable<string> targets, List<string> messages)
    {
        foreach (var text in targets)
        {
            if (PolicyTestTarget.TryParse(text, out var target))
            {
                yield return target;
            }
            else
            {
                messages.Add($"the test from {source} names '{text}', which is not host:port");
            }
        }
    }
}
