using System.Text.RegularExpressions;

namespace Tazlab.Stacks.Validation;

/// <summary>The shapes names must have, each with the words used to explain it.</summary>
public static partial class NameRules
{
    public const string Rfc1123LabelExpected = "an RFC 1123 label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit";
    public const string DnsSubdomainExpected = "a DNS subdomain: lowercase letters, digits, '-' and '.', at most 253 characters";
    public const string TagExpected = "a tag such as tag:vault-api: 'tag:' then a letter, then letters, digits or '-'";
    public const string TailnetExpected = "a tailnet MagicDNS domain such as example-tailnet.ts.net";
    public const string SemverExpected = "a pinned version such as 1.2.3 (not latest, unstable or a range)";
    public const string ImageExpected = "an image pinned by tag or digest, such as registry.k8s.io/coredns/coredns:v1.12.4 (not latest or unstable)";
    public const string PathSegmentExpected = "a Vault path: letters, digits, '-', '_' and inner '/'";
    public const string TagOwnerExpected = "a tag (tag:ops), an autogroup (autogroup:admin), a group (group:ops) or a user's login (alice@example.com)";
    public const string StackNameExpected = "a Pulumi stack name: 1-100 letters, digits, '-', '_' or '.'";

    /// <summary>Version words that move under you: never acceptable for something the platform deploys.</summary>
    private static readonly IReadOnlySet<string> FloatingVersions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "latest", "unstable", "stable", "main", "master", "edge", "nightly", "dev", "head",
    };

    public static bool IsRfc1123Label(string text) => Rfc1123Label().IsMatch(text);

    public static bool IsDnsSubdomain(string text) => text.Length <= 253 && text.Split('.').All(IsRfc1123Label);

    public static bool IsTag(string text) => Tag().IsMatch(text);

    /// <summary>
    /// What a Tailscale policy takes as a tag owner: a tag, an autogroup, a group, or a user's login name (an email
    /// address, or <c>name@github</c>); never free text, which the policy would refuse.
    /// </summary>
    public static bool IsTagOwner(string text) => IsTag(text) || TagOwner().IsMatch(text);

    [GeneratedRegex(@"^(autogroup:[a-z][a-z-]*|group:[A-Za-z0-9][A-Za-z0-9_.-]*|[^\s@:]+@[^\s@:]+)$")]
    private static partial Regex TagOwner();

    /// <summary>What the Pulumi CLI accepts as a stack's own name (pkg/backend: <c>^[A-Za-z0-9_.-]{1,100}$</c>).</summary>
    public static bool IsStackName(string text) => text.Length is > 0 and <= 100 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Whether a version such as 1.21.1 (or v1.21.1) is at least major.minor; false when it is no version.</summary>
    /// <summary>A minor version such as v1.12.</summary>
    public static bool IsMinorVersion(string text) => MinorVersion().IsMatch(text);

    /// <summary>The major and minor numbers of a version or minor version (v1.12.3 or v1.12); zeros when it is neither.</summary>
    public static (int Major, int Minor) MajorMinor(string version)
    {
        var parts = version.TrimStart('v').Split('.', '-', '+');
        return parts.Length >= 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var a) && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var b) ? (a, b) : (0, 0);
    }

    public static bool IsAtLeast(string version, int major, int minor)
    {
        var parts = version.TrimStart('v').Split('.', '-');
        return parts.Length >= 2 && int.TryParse(parts[0], out var a) && int.TryParse(parts[1], out var b) && (a > major || (a == major && b >= minor));
    }

    /// <summary>Whether one KV path prefix is the other or lies under it (<c>tazlab</c> and <c>tazlab/dev</c>; not <c>tazlab-dev</c>).</summary>
    public static bool KvPrefixesOverlap(string a, string b)
    {
        var x = a.Trim('/') + "/";
        var y = b.Trim('/') + "/";
        return x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal);
    }

    public static bool IsTailnetName(string text) => TailnetName().IsMatch(text) && text.Length <= 253;

    /// <summary>Semantic version, with an optional leading 'v' (Talos and Kubernetes write one).</summary>
    public static bool IsPinnedVersion(string text) => Semver().IsMatch(text);

    public static bool IsFloating(string text) => FloatingVersions.Contains(text);

    /// <summary>An image reference pinned by a non-floating tag or by a digest.</summary>
    public static bool IsPinnedImage(string image)
    {
        if (image.Length == 0 || image.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return Digest().IsMatch(image[(at + 1)..]);
        }

        // The tag follows the last ':' after the last '/' (a ':' before it is a registry port).
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        if (colon <= slash || colon == image.Length - 1)
        {
            return false;
        }

        return !IsFloating(image[(colon + 1)..]);
    }

    public static bool IsVaultPath(string text) => VaultPath().IsMatch(text);

    public const string SshPublicKeyExpected = "an OpenSSH public key: its type (ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256…), the base64 key and an optional comment";

    public const string PolicyNameExpected = "a Vault policy name: letters, digits, '-', '_' or '.'";

    /// <summary>One line of an authorized_keys file: type, base64 key, optional comment.</summary>
    public static bool IsSshPublicKey(string text) => SshPublicKey().IsMatch(text);

    public static bool IsPolicyName(string text) => PolicyName().IsMatch(text);

    [GeneratedRegex(@"^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,3}( [^\s][^\r\n]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SshPublicKey();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyName();

    [GeneratedRegex(@"^v[0-9]{1,4}\.[0-9]{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex MinorVersion();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc1123Label();

    [GeneratedRegex("^tag:[A-Za-z][A-Za-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.ts\.net$", RegexOptions.CultureInvariant)]
    private static partial Regex TailnetName();

    [GeneratedRegex(@"^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Semver();

    [GeneratedRegex("^sha256:[a-f0-9]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digest();

    [GeneratedRegex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex VaultPath();
}
