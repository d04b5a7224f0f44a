using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>Every tag the platform uses anywhere needs an owner, or Tailscale refuses the policy.</summary>
internal sealed class TagOwnerCoverageRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public override void Check()
    {
        var t = Config.Tailnet;
        var owned = t.TagOwners.Select(o => o.Tag).ToHashSet(StringComparer.Ordinal);

        // Keys are only spelled out for a tag without an owner: a valid estate has hundreds of uses and no report.
        void List(IReadOnlyList<string> tags, string key, int? item = null, string? field = null)
        {
            for (var j = 0; j < tags.Count; j++)
            {
                One(tags[j], key, item, field, j);
            }
        }

        void One(string tag, string key, int? item, string? field, int? index = null)
        {
            if (!NameRules.IsTag(tag) || owned.Contains(tag))
            {
                return;
            }

            var where = item is { } i ? new ItemKey(key, i, field!, index).ToString() : index is { } j ? $"{key}[{j}]" : key;
            Bag.Error(where, $"uses {tag}, which has no owner", $"an entry for {tag} under {Key("tagOwners")}");
        }

        List(Config.Vault.Tags, Key("vaultTags"));
        List(Config.Talos.Tags, Key("talosTags"));
        List(Config.Operator.ProxyTags, Key("operatorProxyTags"));
        var clientsKey = Key("oauthClients");
        for (var i = 0; i < t.OAuthClients.Count; i++)
        {
            List(t.OAuthClients[i].Tags, clientsKey, i, "tags");
        }

        var intentsKey = Key("accessIntents");
        for (var i = 0; i < t.AccessIntents.Count; i++)
        {
            List(t.AccessIntents[i].Sources, intentsKey, i, "from");
            One(t.AccessIntents[i].Destination, intentsKey, i, "to");
        }

        var sshRulesKey = Key("tailnetSshRules");
        for (var i = 0; i < t.SshRules.Count; i++)
        {
            List(t.SshRules[i].Sources, sshRulesKey, i, "from");
            One(t.SshRules[i].Destination, sshRulesKey, i, "to");
        }

        var denyTestsKey = Key("denyTests");
        for (var i = 0; i < t.DenyTests.Count; i++)
        {
            One(t.DenyTests[i].Source, denyTestsKey, i, "from");
            One(t.DenyTests[i].Destination, denyTestsKey, i, "to");
        }

        var tagOwnersKey = Key("tagOwners");
        foreach (var owner in t.TagOwners)
        {
            List(owner.Owners, $"{tagOwnersKey}.{owner.Tag}");
        }
    }
}
