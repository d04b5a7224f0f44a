namespace Tazlab.Blueprint.Rules;

/// <summary>Every safety rule, in id order.</summary>
public static class SafetyRules
{
    public static readonly IReadOnlyList<ISafetyRule> All =
    [
        new BootstrapOrderRule(),
        new TailnetTagOwnersRule(),
        new TailnetDefaultDenyRule(),
        new OperatorOAuthClientRule(),
        new TailnetPolicyTestsRule(),
        new TailnetPlatformPathsRule(),
        new ApiServerCertSansRule(),
        new TalosBootstrapFieldsRule(),
        new TalosCoreDnsRule(),
        new KubeletClusterDnsRule(),
        new OperatorImagesPinnedRule(),
        new OperatorOAuthFromSecretRule(),
        new OperatorNamespacePrivilegedRule(),
        new VaultEgressServiceRule(),
        new BootstrapSecretsRule(),
        new GitOpsKustomizationRule(),
    ];
}
