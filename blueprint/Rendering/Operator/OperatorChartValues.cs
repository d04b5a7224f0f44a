namespace Tazlab.Blueprint.Rendering.Operator;

/// <summary>
/// The values the tailscale-operator chart reads, per chart version: Helm drops a key no template reads without a
/// word, so every key the platform renders must be one of these. Read from the chart's templates at the version's
/// tag (tailscale/tailscale <c>cmd/k8s-operator/deploy/chart/templates/*.yaml</c>, every <c>.Values.…</c>; the CRD
/// templates are generated behind <c>installCRDs</c> by <c>cmd/k8s-operator/generate/main.go</c>).
/// </summary>
public static class OperatorChartValues
{
    /// <summary>Keys the templates read as a whole value (a map or list passed through <c>toYaml</c>): anything under them is read.</summary>
    private static readonly string[] WholeValues =
    [
        "imagePullSecrets", "operatorConfig.resources", "operatorConfig.podAnnotations", "operatorConfig.podLabels",
        "operatorConfig.podSecurityContext", "operatorConfig.securityContext", "operatorConfig.nodeSelector",
        "operatorConfig.affinity", "operatorConfig.tolerations", "operatorConfig.extraEnv", "operatorConfig.serviceAccountAnnotations",
    ];

    private static readonly Dictionary<string, IReadOnlySet<string>> ReadByVersion = new(StringComparer.Ordinal)
    {
        ["1.96.5"] = new HashSet<string>(StringComparer.Ordinal)
        {
            "oauth", "oauth.clientId", "oauth.clientSecret", "oauth.audience", "oauthSecretVolume", "loginServer", "installCRDs",
            "ingressClass.enabled", "ingressClass.name",
            "operatorConfig.defaultTags", "operatorConfig.hostname", "operatorConfig.logging",
            "operatorConfig.image.repo", "operatorConfig.image.repository", "operatorConfig.image.tag", "operatorConfig.image.digest", "operatorConfig.image.pullPolicy",
            "proxyConfig.image.repo", "proxyConfig.image.repository", "proxyConfig.image.tag", "proxyConfig.image.digest",
            "proxyConfig.defaultTags", "proxyConfig.firewallMode", "proxyConfig.defaultProxyClass",
            "apiServerProxyConfig.mode", "apiServerProxyConfig.allowImpersonation",
        },
    };

    /// <summary>The chart versions whose keys are known.</summary>
    public static IEnumerable<string> KnownVersions => ReadByVersion.Keys;

    public static bool Knows(string version) => ReadByVersion.ContainsKey(version.TrimStart('v'));

    /// <summary>Whether chart <paramref name="version"/> reads <paramref name="path"/> (dotted, e.g. <c>proxyConfig.image.tag</c>); null when the version's keys are not known.</summary>
    public static bool? Reads(string version, string path)
    {
        if (!ReadByVersion.TryGetValue(version.TrimStart('v'), out var keys))
        {
            return null;
        }

        return keys.Contains(path) || WholeValues.Any(whole => path == whole || path.StartsWith(whole + ".", StringComparison.Ordinal));
    }
}
