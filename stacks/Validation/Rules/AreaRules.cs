using System.Net;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>
/// The rules of one area of a stack's configuration, with the checks areas share. Each problem names its key and
/// what would be valid; values are shown only through <see cref="Show"/>.
/// </summary>
internal abstract class AreaRules(StackConfig config, DiagnosticBag bag)
{
    protected StackConfig Config { get; } = config;

    protected DiagnosticBag Bag { get; } = bag;

    /// <summary>The project's namespace with its colon, e.g. "tazlab:".</summary>
    protected string Prefix { get; } = config.ProjectName + ":";

    /// <summary>Reports this area's problems into <see cref="Bag"/>.</summary>
    public abstract void Check();

    protected string Key(string name) => Prefix + name;

    protected static string Item(string key, int index, string field) => new ItemKey(key, index, field).ToString();

    /// <summary>A value as messages show it: escaped and cut (<see cref="ConfigScalar.Printable"/>).</summary>
    protected static string Show(string text) => ConfigScalar.Printable(text);

    protected void CheckTags(string name, IReadOnlyList<string> tags, bool nonEmpty)
    {
        var key = name.Contains('[', StringComparison.Ordinal) ? Prefix + name : Key(name);
        if (nonEmpty && tags.Count == 0)
        {
            Bag.Error(key, "is empty", "at least one tag, e.g. [tag:example]");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (!NameRules.IsTag(tags[i]))
            {
                Bag.Error($"{key}[{i}]", $"'{Show(tags[i])}' is not a tag", NameRules.TagExpected);
            }
        }
    }

    protected void CheckSource(ItemKey key, string source)
    {
        var looksLikeTag = source.StartsWith("tag", StringComparison.Ordinal);
        var valid = looksLikeTag
            ? NameRules.IsTag(source)
            : source.StartsWith("group:", StringComparison.Ordinal) || source.StartsWith("autogroup:", StringComparison.Ordinal) || (source.Contains('@', StringComparison.Ordinal) && !source.Any(char.IsWhiteSpace));
        if (source == "*")
        {
            Bag.Error(key.ToString(), "'*' lets every device in", "a tag, group:…, autogroup:… or a user: default deny means naming who may connect");
        }
        else if (!valid)
        {
            Bag.Error(key.ToString(), $"'{Show(source)}' is not a policy source", looksLikeTag ? NameRules.TagExpected : "a tag, group:…, autogroup:… or a user e-mail");
        }
    }

    protected void CheckDestination(ItemKey key, string destination)
    {
        if (destination == "*")
        {
            Bag.Error(key.ToString(), "'*' opens every device", "one tag: default deny means naming what may be reached");
        }
        else if (!NameRules.IsTag(destination))
        {
            Bag.Error(key.ToString(), $"'{Show(destination)}' is not a tag", NameRules.TagExpected);
        }
    }

    protected void Label(string name, string value)
    {
        if (!NameRules.IsRfc1123Label(value))
        {
            Bag.Error(Key(name), $"'{Show(value)}' is not a valid name", NameRules.Rfc1123LabelExpected);
        }
    }

    protected void Pinned(string name, string version, bool? valid = null)
    {
        if (NameRules.IsFloating(version))
        {
            Bag.Error(Key(name), $"'{Show(version)}' is not pinned", NameRules.SemverExpected);
        }
        else if (!(valid ?? NameRules.IsPinnedVersion(version)))
        {
            Bag.Error(Key(name), $"'{Show(version)}' is not a pinned version", NameRules.SemverExpected);
        }
    }

    protected void Image(string name, string image)
    {
        if (!NameRules.IsPinnedImage(image))
        {
            Bag.Error(Key(name), $"'{Show(image)}' is not pinned", NameRules.ImageExpected);
        }
    }

    protected void Unique(string listKey, IReadOnlyList<string> values, string field)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length == 0)
            {
                continue;
            }

            if (seen.TryGetValue(values[i], out var first))
            {
                Bag.Error(Item(listKey, i, field), $"'{Show(values[i])}' repeats {Item(listKey, first, field)}", $"each {field} used once");
            }
            else
            {
                seen[values[i]] = i;
            }
        }
    }

    protected void InsideHostRange(string key, IPAddress address, IPNetwork network, string networkName)
    {
        if (Bag.IsInError(key) || address.Equals(IPAddress.None))
        {
            return;
        }

        if (!network.Contains(address))
        {
            Bag.Error(key, $"{address} is outside {Key(networkName)} ({network})", $"an address inside {network}");
        }
        else if (address.Equals(network.BaseAddress) || address.Equals(NetworkAddresses.Broadcast(network)))
        {
            var what = address.Equals(network.BaseAddress) ? "network" : "broadcast";
            Bag.Error(key, $"{address} is the {what} address of {network}", $"a host address inside {network}");
        }
    }
}
