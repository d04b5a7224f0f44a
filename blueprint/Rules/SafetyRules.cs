namespace Tazlab.Blueprint.Rules;

/// <summary>Every safety rule, in id order.</summary>
public static class SafetyRules
{
    public static readonly IReadOnlyList<ISafetyRule> All =
    [
        new BootstrapOrderRule(),
        new CorefileBlockFormRule(),
        new TailnetRewriteRule(),
        new CoreDnsServiceIpRule(),
        new CoreDnsImagesPinnedRule(),
        new CoreDnsReplicasFitRule(),
        new BootstrapSecretsRule(),
    ];
}
