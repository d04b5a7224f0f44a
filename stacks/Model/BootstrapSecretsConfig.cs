using Tazlab.Stacks.Configuration;

namespace Tazlab.Stacks.Model;

/// <summary>Secrets created directly as Kubernetes Secrets at bootstrap, never through External Secrets.</summary>
/// <param name="FluxGitToken">Flux's Git credential (a stack secret).</param>
public sealed record BootstrapSecretsConfig(string FluxGitUsername, SecretReference FluxGitToken);
