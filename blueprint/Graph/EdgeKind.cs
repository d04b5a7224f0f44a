namespace Tazlab.Blueprint.Graph;

/// <summary>Why one part must come before another.</summary>
public enum EdgeKind
{
    /// <summary>Must exist first: becomes a Pulumi dependency (an output used, or DependsOn).</summary>
    Provisioning,

    /// <summary>Must be running or reachable before the dependant can work: an order no IaC tool sees.</summary>
    Runtime,

    /// <summary>Where a secret comes from: stack secrets, or Vault through External Secrets.</summary>
    SecretSource,
}
