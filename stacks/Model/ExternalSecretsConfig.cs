namespace Tazlab.Stacks.Model;

/// <summary>External Secrets Operator and the ClusterSecretStore that reads the platform's Vault.</summary>
public sealed record ExternalSecretsConfig(string ChartVersion, string Namespace, string StoreName);
