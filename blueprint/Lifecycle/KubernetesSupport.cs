namespace Tazlab.Blueprint.Lifecycle;

/// <summary>
/// Which Kubernetes minors each Talos minor runs: Talos' own table, <c>MinimumKubernetesVersion</c> and
/// <c>MaximumKubernetesVersion</c> in <c>pkg/machinery/compatibility/talos1XX/talos1XX.go</c> of siderolabs/talos
/// (v1.9.6, v1.10.9, v1.11.6, v1.12.11, v1.13.9), the same as each release's support matrix. <c>talosctl upgrade-k8s</c>
/// checks a target against every node's Talos version, and Talos 1.11+ refuses a configuration outside the range.
/// </summary>
public static class KubernetesSupport
{
    private static readonly Dictionary<(int Major, int Minor), (int Min, int Max)> KubernetesMinors = new()
    {
        [(1, 9)] = (27, 32),
        [(1, 10)] = (28, 33),
        [(1, 11)] = (29, 34),
        [(1, 12)] = (30, 35),
        [(1, 13)] = (31, 36),
    };

    /// <summary>The Talos minors the table knows, e.g. "v1.9 to v1.13".</summary>
    public static string KnownTalosMinors => $"v1.{KubernetesMinors.Keys.Min(k => k.Minor)} to v1.{KubernetesMinors.Keys.Max(k => k.Minor)}";

    /// <summary>The Kubernetes minors (1.x) a Talos release runs, or null when the table does not know that Talos minor.</summary>
    public static (int Min, int Max)? Range(ReleaseVersion talos) =>
        KubernetesMinors.TryGetValue((talos.Major, talos.Minor), out var range) ? range : null;

    public static bool Supports(ReleaseVersion talos, ReleaseVersion kubernetes) =>
        Range(talos) is { } range && kubernetes.Major == 1 && kubernetes.Minor >= range.Min && kubernetes.Minor <= range.Max;

    /// <summary>"Kubernetes v1.30 to v1.35" for Talos v1.12.x.</summary>
    public static string Describe(ReleaseVersion talos) =>
        Range(talos) is { } range ? $"Kubernetes v1.{range.Min} to v1.{range.Max}" : $"no Kubernetes version known (the table covers Talos {KnownTalosMinors})";
}
