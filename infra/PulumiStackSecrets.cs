using Pulumi;
using Tazlab.Components.Secrets;

namespace Tazlab.Infra;

/// <summary>Stack secrets from the stack's encrypted configuration, as secret outputs (never plain strings).</summary>
public sealed class PulumiStackSecrets : IStackSecrets
{
    public Output<string> Require(string key)
    {
        var (ns, name) = Split(key);
        return new Config(ns).RequireSecret(name);
    }

    public Output<string>? Get(string key)
    {
        var (ns, name) = Split(key);
        return new Config(ns).GetSecret(name);
    }

    private static (string Namespace, string Name) Split(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? throw new ArgumentException($"'{key}' is not a fully qualified configuration key.", nameof(key)) : (key[..colon], key[(colon + 1)..]);
    }
}
