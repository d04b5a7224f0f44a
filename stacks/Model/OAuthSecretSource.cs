namespace Tazlab.Stacks.Model;

public enum OAuthSecretSource
{
    /// <summary>Created directly as a Kubernetes Secret from stack secrets (breaks the bootstrap cycle).</summary>
    Bootstrap,

    /// <summary>Pulled from Vault through External Secrets (deadlocks a fresh cluster: Vault is reached through the operator).</summary>
    Vault,
}
