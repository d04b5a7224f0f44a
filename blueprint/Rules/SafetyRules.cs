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
        new VaultCertificateNamesRule(),
        new VaultListenerRule(),
        new VaultServerSecretsRule(),
        new SingleVaultNameRule(),
        new ApiServerCertSansRule(),
        new TalosBootstrapFieldsRule(),
        new TalosCoreDnsRule(),
        new KubeletClusterDnsRule(),
        new TalosUpgradePathRule(),
        new KubernetesUpgradePathRule(),
        new KubernetesSupportedByTalosRule(),
        new UpgradeAloneRule(),
        new ControlPlaneRemovalRule(),
        new CorefileBlockFormRule(),
        new TailnetRewriteRule(),
        new CoreDnsServiceIpRule(),
        new CoreDnsImagesPinnedRule(),
        new CoreDnsReplicasFitRule(),
        new OperatorImagesPinnedRule(),
        new OperatorOAuthFromSecretRule(),
        new OperatorNamespacePrivilegedRule(),
        new VaultEgressServiceRule(),
        new OperatorChartValuesRule(),
        new JwtKeySourceRule(),
        new JwtAudienceRule(),
        new VaultPolicyCapabilitiesRule(),
        new JwtRoleTtlRule(),
        new JwksOnTalosRule(),
        new ClusterSecretStoreRule(),
        new BootstrapSecretsRule(),
        new GitOpsKustomizationRule(),
        new BackupConfiguredRule(),
        new BackupCredentialsRule(),
        new BackupScheduleRule(),
    ];
}
