namespace Tazlab.Blueprint.Rules;

/// <summary>Every safety rule, in id order.</summary>
public static class SafetyRules
{
    public static readonly IReadOnlyList<ISafetyRule> All =
    [
        new BootstrapOrderRule(),
        new VaultCertificateNamesRule(),
        new VaultListenerRule(),
        new VaultServerSecretsRule(),
        new JwtKeySourceRule(),
        new JwtAudienceRule(),
        new VaultPolicyCapabilitiesRule(),
        new JwtRoleTtlRule(),
        new JwksOnTalosRule(),
        new ClusterSecretStoreRule(),
        new BootstrapSecretsRule(),
    ];
}
