using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>The tailnet policy's SSH rules: who may open a session to which tag, as which local users.</summary>
internal sealed class TailnetSshRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public override void Check()
    {
        var t = Config.Tailnet;
        var key = Key("tailnetSshRules");
        for (var i = 0; i < t.SshRules.Count; i++)
        {
            var rule = t.SshRules[i];
            if (rule.Sources.Count == 0)
            {
                Bag.Error(Item(key, i, "from"), "is empty", "at least one source (a tag, group:…, autogroup:… or a user)");
            }

            for (var s = 0; s < rule.Sources.Count; s++)
            {
                CheckSource(new ItemKey(key, i, "from", s), rule.Sources[s]);
            }

            CheckDestination(new ItemKey(key, i, "to"), rule.Destination);
            if (rule.Users.Count == 0)
            {
                Bag.Error(Item(key, i, "users"), "is empty", "the local users the session may log in as, e.g. [autogroup:nonroot]");
            }

            for (var u = 0; u < rule.Users.Count; u++)
            {
                if (rule.Users[u] == "*" || rule.Users[u].Any(char.IsWhiteSpace) || rule.Users[u].Length == 0)
                {
                    Bag.Error($"{Item(key, i, "users")}[{u}]", $"'{Show(rule.Users[u])}' does not name a local user", "a user name such as root, or autogroup:nonroot");
                }
            }
        }
    }
}
