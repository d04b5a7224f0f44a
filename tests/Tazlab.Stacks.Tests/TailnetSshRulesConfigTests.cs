namespace Tazlab.Stacks.Tests;

/// <summary>The optional <c>tazlab:tailnetSshRules</c> key: each validation rule tripped once, and a valid rule that passes.</summary>
public class TailnetSshRulesConfigTests
{
    private static StackScenario Rules(string name, string yaml) => new(name, "prod", p => p.Set("prod", "tazlab:tailnetSshRules", yaml));

    public static TheoryData<StackScenario, string> Failing => new()
    {
        { Rules("wildcard source", "[{from: ['*'], to: tag:tazlab-vault, users: [root], action: accept}]"), "tazlab:tailnetSshRules[0].from[0]: '*' lets every device in; expected a tag, group:…, autogroup:… or a user: default deny means naming who may connect" },
        { Rules("no source", "[{from: [], to: tag:tazlab-vault, users: [root], action: accept}]"), "tazlab:tailnetSshRules[0].from: is empty; expected at least one source (a tag, group:…, autogroup:… or a user)" },
        { Rules("wildcard destination", "[{from: [tag:tazpod], to: '*', users: [root], action: accept}]"), "tazlab:tailnetSshRules[0].to: '*' opens every device; expected one tag: default deny means naming what may be reached" },
        { Rules("unowned destination", "[{from: [tag:tazpod], to: tag:bastion, users: [root], action: accept}]"), "tazlab:tailnetSshRules[0].to: uses tag:bastion, which has no owner; expected an entry for tag:bastion under tazlab:tagOwners" },
        { Rules("every local user", "[{from: [tag:tazpod], to: tag:tazlab-vault, users: ['*'], action: accept}]"), "tazlab:tailnetSshRules[0].users[0]: '*' does not name a local user; expected a user name such as root, or autogroup:nonroot" },
        { Rules("no users", "[{from: [tag:tazpod], to: tag:tazlab-vault, users: [], action: accept}]"), "tazlab:tailnetSshRules[0].users: is empty; expected the local users the session may log in as, e.g. [autogroup:nonroot]" },
        { Rules("unknown action", "[{from: [tag:tazpod], to: tag:tazlab-vault, users: [root], action: allow}]"), "tazlab:tailnetSshRules[0].action: 'allow' is not a valid choice; expected one of: check, accept" },
        { new StackScenario("rules in a referencing stack", "dev", p => p.Set("dev", "tazlab:tailnetSshRules", "[{from: [tag:tazpod], to: tag:tazlab-k8s, users: [root], action: check}]")), "tazlab:tailnetSshRules: is set, but this stack references that part from another stack; expected no value here (set it in the owning stack)" },
    };

    [Theory]
    [MemberData(nameof(Failing))]
    public void Rule_trips_with_its_message(StackScenario scenario, string expected)
    {
        Assert.Contains(expected, scenario.Lines());
    }

    [Fact]
    public void A_named_rule_passes_and_is_read()
    {
        var result = Rules("check rule", "[{from: [tag:tazpod, ops@example.com], to: tag:tazlab-vault, users: [autogroup:nonroot, root], action: check}]").Load();

        Assert.Empty(result.Errors.Select(d => d.ToString()));
        var rule = Assert.Single(result.Config!.Tailnet.SshRules);
        Assert.Equal(["tag:tazpod", "ops@example.com"], rule.Sources);
        Assert.Equal("tag:tazlab-vault", rule.Destination);
        Assert.Equal(["autogroup:nonroot", "root"], rule.Users);
        Assert.Equal(Model.SshAction.Check, rule.Action);
    }

    [Fact]
    public void Prod_has_no_ssh_rules()
    {
        var result = new StackScenario("committed prod", "prod", _ => { }).Load();

        Assert.Empty(result.Config!.Tailnet.SshRules);
    }
}
