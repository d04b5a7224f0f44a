using Tazlab.Stacks.Model;
using Tazlab.Stacks.Reading;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>The tailnet policy: its name, auth key lifetime, tags and their owners, access intents and deny tests.</summary>
internal sealed class TailnetRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    /// <summary>Tailscale refuses auth keys that live longer than 90 days.</summary>
    public static readonly TimeSpan MaxAuthKeyExpiry = TimeSpan.FromDays(90);

    public override void Check()
    {
        var t = Config.Tailnet;
        if (!NameRules.IsTailnetName(t.Name))
        {
            Bag.Error(Key("tailnetName"), $"'{Show(t.Name)}' is not a tailnet name", NameRules.TailnetExpected);
        }

        if (t.AuthKeyExpiry <= TimeSpan.Zero || t.AuthKeyExpiry > MaxAuthKeyExpiry)
        {
            Bag.Error(Key("authKeyExpiry"), $"{DurationParser.Format(t.AuthKeyExpiry)} is out of range", "more than 0 and at most 90d (Tailscale's limit for auth keys)");
        }

        // Tags the stack applies itself are checked whether or not it owns the policy.
        CheckTags("vaultTags", Config.Vault.Tags, nonEmpty: Config.Ownership.VaultServer == PartOwnership.Own);
        CheckTags("talosTags", Config.Talos.Tags, nonEmpty: true);
        CheckTags("operatorProxyTags", Config.Operator.ProxyTags, nonEmpty: true);
        if (Config.Ownership.TailnetPolicy == PartOwnership.Reference)
        {
            if (Config.Operator.OperatorTags.Count == 0)
            {
                Bag.Error(Key("operatorTags"), "not set, but this stack references the tailnet policy: its operator joins with the owning stack's OAuth client", "the tags of that client, e.g. [tag:k8s-operator]");
            }

            CheckTags("operatorTags", Config.Operator.OperatorTags, nonEmpty: false);
        }

        if (Config.Ownership.TailnetPolicy != PartOwnership.Own)
        {
            return;
        }

        foreach (var owner in t.TagOwners)
        {
            var key = $"{Key("tagOwners")}.{owner.Tag}";
            if (!NameRules.IsTag(owner.Tag))
            {
                Bag.Error(key, $"'{Show(owner.Tag)}' is not a tag", NameRules.TagExpected);
            }

            for (var i = 0; i < owner.Owners.Count; i++)
            {
                if (owner.Owners[i].StartsWith("tag", StringComparison.Ordinal) && !NameRules.IsTag(owner.Owners[i]))
                {
                    Bag.Error($"{key}[{i}]", $"'{Show(owner.Owners[i])}' is not a tag", NameRules.TagExpected);
                }
                else if (!NameRules.IsTagOwner(owner.Owners[i]))
                {
                    Bag.Error($"{key}[{i}]", $"'{Show(owner.Owners[i])}' names no one the tailnet policy knows", NameRules.TagOwnerExpected);
                }
            }
        }

        var intentsKey = Key("accessIntents");
        Unique(intentsKey, t.AccessIntents.Select(a => a.Name).ToList(), "name");
        for (var i = 0; i < t.AccessIntents.Count; i++)
        {
            var intent = t.AccessIntents[i];
            if (intent.Sources.Count == 0)
            {
                Bag.Error(Item(intentsKey, i, "from"), "is empty", "at least one source (a tag, group:…, autogroup:… or a user)");
            }

            for (var s = 0; s < intent.Sources.Count; s++)
            {
                CheckSource(new ItemKey(intentsKey, i, "from", s), intent.Sources[s]);
            }

            CheckDestination(new ItemKey(intentsKey, i, "to"), intent.Destination);
            if (intent.Ports.Count == 0)
            {
                Bag.Error(Item(intentsKey, i, "ports"), "is empty", "at least one TCP port");
            }
        }

        var denyTestsKey = Key("denyTests");
        for (var i = 0; i < t.DenyTests.Count; i++)
        {
            CheckSource(new ItemKey(denyTestsKey, i, "from"), t.DenyTests[i].Source);
            CheckDestination(new ItemKey(denyTestsKey, i, "to"), t.DenyTests[i].Destination);
            if (t.DenyTests[i].Ports.Count == 0)
            {
                Bag.Error(Item(denyTestsKey, i, "ports"), "is empty", "at least one TCP port that must stay closed");
            }
        }

        new TailnetSshRules(Config, Bag).Check();
        new OAuthClientRules(Config, Bag).Check();
        if (!Bag.IsInError(Key("tagOwners")))
        {
            new TagOwnerCoverageRules(Config, Bag).Check();
        }
    }
}
