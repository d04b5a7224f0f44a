using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.Tailnet;
using Tazlab.Blueprint.Rules;
using Tazlab.TestSupport;

// Not ...Tests.Rules: that namespace would shadow Tazlab.Blueprint.Rules for the other test files.
namespace Tazlab.Blueprint.Tests.RuleTests;

/// <summary>
/// TZ010–TZ013 on the rendered tailnet policy. Where the stack validator already refuses the configuration
/// (wildcards, unowned tags), the rule is tripped by feeding it a changed policy model: defence in depth.
/// </summary>
public class TailnetRulesTests
{
    private const string ProdIntents =
        "[{name: operator-env-to-vault-api, from: [tag:tazpod], to: tag:vault-api, ports: [8200]}," +
        " {name: cluster-to-vault-api, from: [CLUSTER_SOURCES], to: tag:vault-api, ports: [VAULT_PORTS]}," +
        " {name: operator-env-to-vault-ssh, from: [tag:tazpod], to: tag:tazlab-vault, ports: [22]}," +
        " {name: operator-env-to-cluster, from: [tag:tazpod], to: tag:tazlab-k8s, ports: [6443, 50000]}," +
        " {name: operator-env-to-cluster-proxies, from: [tag:tazpod], to: tag:k8s, ports: [443, 6443]}EXTRA]";

    private static Action<TempProject> Set(string key, string yaml) => p => p.Set("prod", key, yaml);

    private static Action<TempProject> Intents(string vaultPorts = "8200", string extra = "", string clusterSources = "tag:tazlab-k8s, tag:k8s") =>
        Set("tazlab:accessIntents", ProdIntents
            .Replace("VAULT_PORTS", vaultPorts, StringComparison.Ordinal)
            .Replace("CLUSTER_SOURCES", clusterSources, StringComparison.Ordinal)
            .Replace("EXTRA", extra, StringComparison.Ordinal));

    /// <summary>The prod plan's context with its rendered policy changed (a model the validator would never let through).</summary>
    private static PlanContext WithPolicy(Func<TailnetPolicy, TailnetPolicy> change)
    {
        var context = PlanFixture.Of("prod").Context;
        var areas = context.Rendering.Areas.Select(a => a is TailnetRendering t ? t with { Policy = change(t.Policy!) } : a).ToList();
        return context with { Rendering = new PlatformRendering(areas) };
    }

    private static TailnetPolicy WithFirstGrant(TailnetPolicy policy, Func<PolicyGrant, PolicyGrant> change) =>
        policy with { Grants = [change(policy.Grants[0]), .. policy.Grants.Skip(1)] };

    private static RuleResult Failed(ISafetyRule rule, PlanContext context)
    {
        var result = rule.Evaluate(context);
        Assert.Equal(RuleStatus.Fail, result.Status);
        return result;
    }

    private static RuleResult Failed(string ruleId, Action<TempProject> change)
    {
        var check = PlanFixture.Of("prod", change).Check(ruleId);
        Assert.Equal(RuleStatus.Fail, check.Status);
        return check;
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Every_tailnet_rule_passes_for_the_committed_stacks(string stack)
    {
        var plan = PlanFixture.Of(stack);

        foreach (var id in new[] { "TZ010", "TZ011", "TZ012", "TZ013", "TZ014" })
        {
            var check = plan.Check(id);
            Assert.True(check.Status == RuleStatus.Pass, $"{stack} {id}: {string.Join("; ", check.Messages)}");
        }
    }

    [Fact]
    public void TZ010_trips_when_a_used_tag_has_no_owner_in_the_rendered_policy()
    {
        var context = WithPolicy(p => p with { TagOwners = p.TagOwners.Where(o => o.Tag != "tag:vault-api").ToList() });

        var messages = Failed(new TailnetTagOwnersRule(), context).Messages;

        Assert.Contains("grant 'operator-env-to-vault-api' (dst) uses tag:vault-api, which has no owner in the rendered tagOwners", messages);
        Assert.Contains("the test from tag:tazpod (target) uses tag:vault-api, which has no owner in the rendered tagOwners", messages);
        Assert.Contains("OAuth client 'tazlab-bootstrap' uses tag:vault-api, which has no owner in the rendered tagOwners", messages);
        Assert.Contains("the Vault VM uses tag:vault-api, which has no owner in the rendered tagOwners", messages);
        Assert.All(messages, m => Assert.Contains("tag:vault-api", m, StringComparison.Ordinal));
    }

    [Fact]
    public void TZ010_trips_on_an_owner_tag_and_an_ssh_tag_without_owner()
    {
        var context = WithPolicy(p => p with
        {
            TagOwners = [.. p.TagOwners.Where(o => o.Tag != "tag:k8s"), new PolicyTagOwner("tag:k8s", ["tag:ghost"])],
            SshRules = [new PolicySshRule("accept", ["tag:tazpod"], ["tag:bastion"], ["root"])],
        });

        var messages = Failed(new TailnetTagOwnersRule(), context).Messages;

        Assert.Equal(
            [
                "tagOwners.tag:k8s uses tag:ghost, which has no owner in the rendered tagOwners",
                "an SSH rule (dst) uses tag:bastion, which has no owner in the rendered tagOwners",
            ],
            messages);
    }

    [Fact]
    public void TZ010_passes_with_an_owned_ssh_destination()
    {
        var check = PlanFixture.Of("prod", Set("tazlab:tailnetSshRules", "[{from: [tag:tazpod], to: tag:tazlab-vault, users: [root], action: accept}]")).Check("TZ010");

        Assert.Equal(RuleStatus.Pass, check.Status);
    }

    [Theory]
    [InlineData("*", "grant 'operator-env-to-vault-api' has ip '*': every protocol on every port")]
    [InlineData("tcp:*", "grant 'operator-env-to-vault-api' has ip 'tcp:*': every port")]
    [InlineData("tcp:0-65535", "grant 'operator-env-to-vault-api' has ip 'tcp:0-65535': every port")]
    [InlineData("tcp:vault", "grant 'operator-env-to-vault-api' has ip 'tcp:vault', which is not a protocol and port range such as tcp:8200")]
    public void TZ011_trips_on_a_grant_that_opens_every_port(string ip, string expected)
    {
        var context = WithPolicy(p => WithFirstGrant(p, g => g with { Ip = [ip] }));

        Assert.Equal([expected], Failed(new TailnetDefaultDenyRule(), context).Messages);
    }

    [Fact]
    public void TZ011_trips_on_a_wildcard_source_or_destination()
    {
        var context = WithPolicy(p => WithFirstGrant(p, g => g with { Src = ["*"], Dst = ["*"] }));

        Assert.Equal(
            [
                "grant 'operator-env-to-vault-api' has '*' in src: it lets every device in",
                "grant 'operator-env-to-vault-api' has '*' in dst: it opens every device",
            ],
            Failed(new TailnetDefaultDenyRule(), context).Messages);
    }

    [Fact]
    public void TZ011_trips_on_an_ssh_rule_for_every_user()
    {
        var context = WithPolicy(p => p with { SshRules = [new PolicySshRule("check", ["tag:tazpod"], ["tag:tazlab-k8s"], ["*"])] });

        Assert.Equal(["SSH rule to tag:tazlab-k8s has '*' in users: it allows every local user"], Failed(new TailnetDefaultDenyRule(), context).Messages);
    }

    [Fact]
    public void TZ011_passes_with_a_port_range()
    {
        var context = WithPolicy(p => WithFirstGrant(p, g => g with { Ip = ["tcp:8200-8201"] }));

        Assert.Equal(RuleStatus.Pass, new TailnetDefaultDenyRule().Evaluate(context).Status);
    }

    [Fact]
    public void TZ012_trips_when_the_operator_client_lacks_the_services_scope()
    {
        var check = Failed("TZ012", Set("tazlab:oauthClients", "[{name: tazlab-bootstrap, scopes: [auth_keys, devices:core], tags: [tag:tazlab-vault, tag:vault-api, tag:tazlab-k8s]}, {name: k8s-operator, scopes: [devices:core, auth_keys], tags: [tag:k8s-operator]}]"));

        Assert.Equal(["the operator's OAuth client 'k8s-operator' lacks the scope services"], check.Messages);
    }

    [Fact]
    public void TZ012_trips_when_the_proxy_tag_is_owned_by_a_tag_the_operator_client_lacks()
    {
        var check = Failed("TZ012", Set("tazlab:tagOwners", "{tag:tazpod: [autogroup:admin], tag:tazlab-k8s: [autogroup:admin], tag:tazlab-vault: [autogroup:admin], tag:vault-api: [autogroup:admin], tag:k8s-operator: [autogroup:admin], tag:k8s: [autogroup:admin], tag:ci: [autogroup:admin]}"));

        Assert.Equal(["the operator's OAuth client 'k8s-operator' carries [tag:k8s-operator], none of which owns proxy tag tag:k8s (owners: [autogroup:admin]): the operator could not tag its proxies"], check.Messages);
    }

    [Fact]
    public void TZ012_trips_when_the_operator_uses_the_bootstrap_client()
    {
        var check = Failed("TZ012", Set("tazlab:operatorOAuthClient", "tazlab-bootstrap"));

        Assert.Equal(
            [
                "the operator's OAuth client 'tazlab-bootstrap' lacks the scope services",
                "the operator's OAuth client 'tazlab-bootstrap' carries [tag:tazlab-vault, tag:vault-api, tag:tazlab-k8s], none of which owns proxy tag tag:k8s (owners: [tag:k8s-operator]): the operator could not tag its proxies",
            ],
            check.Messages);
    }

    [Fact]
    public void TZ012_trips_when_the_operator_client_is_missing()
    {
        var context = PlanFixture.Of("prod").Context;
        context = context with { Config = context.Config with { Tailnet = context.Config.Tailnet with { OperatorOAuthClient = "ghost" } } };

        Assert.Equal(["the operator's OAuth client 'ghost' is not among the OAuth clients"], Failed(new OperatorOAuthClientRule(), context).Messages);
    }

    [Fact]
    public void TZ012_passes_with_a_second_proxy_tag_the_operator_owns()
    {
        var plan = PlanFixture.Of("prod", p =>
        {
            p.Set("prod", "tazlab:tagOwners", "{tag:tazpod: [autogroup:admin], tag:tazlab-k8s: [autogroup:admin], tag:tazlab-vault: [autogroup:admin], tag:vault-api: [autogroup:admin], tag:k8s-operator: [autogroup:admin], tag:k8s: [tag:k8s-operator], tag:k8s-ingress: [autogroup:admin, tag:k8s-operator], tag:ci: [autogroup:admin]}");
            p.Set("prod", "tazlab:operatorProxyTags", "[tag:k8s, tag:k8s-ingress]");
        });

        Assert.Equal(RuleStatus.Pass, plan.Check("TZ012").Status);
    }

    [Fact]
    public void TZ013_trips_when_an_intent_opens_a_denied_pair()
    {
        var check = Failed("TZ013", Intents(extra: ", {name: cluster-ssh-to-vault, from: [tag:k8s], to: tag:tazlab-vault, ports: [22]}"));

        Assert.Equal(["deny test tag:k8s -> tag:tazlab-vault:22 is opened by grant 'cluster-ssh-to-vault' (from [tag:k8s] to [tag:tazlab-vault])"], check.Messages);
    }

    [Fact]
    public void TZ013_trips_when_a_grant_to_another_tag_of_the_same_device_opens_a_denied_port()
    {
        var check = Failed("TZ013", Intents(vaultPorts: "8200, 22"));

        Assert.Equal(
            [
                "deny test tag:k8s -> tag:tazlab-vault:22 is opened by grant 'cluster-to-vault-api' (from [tag:tazlab-k8s, tag:k8s] to [tag:vault-api]; the Vault VM carries both tag:vault-api and tag:tazlab-vault)",
                "deny test tag:tazlab-k8s -> tag:tazlab-vault:22 is opened by grant 'cluster-to-vault-api' (from [tag:tazlab-k8s, tag:k8s] to [tag:vault-api]; the Vault VM carries both tag:vault-api and tag:tazlab-vault)",
            ],
            check.Messages);
    }

    [Fact]
    public void TZ013_trips_when_an_ssh_rule_opens_a_denied_ssh_pair()
    {
        var check = Failed("TZ013", Set("tazlab:tailnetSshRules", "[{from: [tag:k8s], to: tag:tazlab-vault, users: [root], action: accept}]"));

        Assert.Equal(["deny test tag:k8s -> tag:tazlab-vault:22 is opened by an SSH rule (from [tag:k8s] to [tag:tazlab-vault])"], check.Messages);
    }

    [Fact]
    public void TZ013_trips_on_an_accept_test_no_grant_allows()
    {
        var context = WithPolicy(p => p with { Grants = p.Grants.Skip(1).ToList() });

        Assert.Equal(["accept test tag:tazpod -> tag:vault-api:8200 is allowed by no grant"], Failed(new TailnetPolicyTestsRule(), context).Messages);
    }

    [Fact]
    public void TZ013_trips_on_a_test_target_without_a_port()
    {
        var context = WithPolicy(p => p with { Tests = [new PolicyTest("tag:tazpod", ["tag:vault-api"], [])] });

        Assert.Equal(["the test from tag:tazpod names 'tag:vault-api', which is not host:port"], Failed(new TailnetPolicyTestsRule(), context).Messages);
    }

    [Fact]
    public void TZ013_passes_with_an_ssh_rule_from_the_operator_environment()
    {
        var check = PlanFixture.Of("prod", Set("tazlab:tailnetSshRules", "[{from: [tag:tazpod], to: tag:tazlab-vault, users: [root], action: check}]")).Check("TZ013");

        Assert.Equal(RuleStatus.Pass, check.Status);
    }

    [Fact]
    public void TZ014_trips_when_the_proxies_cannot_reach_the_vault_api()
    {
        var check = Failed("TZ014", Intents(clusterSources: "tag:tazlab-k8s"));

        Assert.Equal(["no grant lets the operator's proxies ([tag:k8s]) reach the Vault API ([tag:tazlab-vault, tag:vault-api] port 8200): the cluster could not reach Vault"], check.Messages);
    }

    [Fact]
    public void TZ014_trips_when_vault_fetches_the_jwks_but_cannot_reach_the_api_server()
    {
        var check = Failed("TZ014", Set("tazlab:vaultJwtValidationMode", "jwks-url"));

        Assert.Equal(["tazlab:vaultJwtValidationMode is jwks-url, but no grant lets the Vault VM ([tag:tazlab-vault, tag:vault-api]) reach the API server's proxy ([tag:k8s] port 6443) to fetch the keys"], check.Messages);
    }

    [Fact]
    public void TZ014_passes_in_jwks_url_mode_with_a_grant_from_vault_to_the_api_server()
    {
        var plan = PlanFixture.Of("prod", p =>
        {
            p.Set("prod", "tazlab:vaultJwtValidationMode", "jwks-url");
            Intents(extra: ", {name: vault-to-api-server, from: [tag:vault-api], to: tag:k8s, ports: [6443]}")(p);
        });

        Assert.Equal(RuleStatus.Pass, plan.Check("TZ014").Status);
    }
}
