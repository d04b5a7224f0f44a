using Pulumi;
using Tazlab.Components.Wiring;

namespace Tazlab.Infra;

/// <summary>
/// The owning stack's outputs, for a stack that references its tailnet policy and Vault: read through one
/// StackReference (the graph's <c>stack-reference</c> node), credentials kept secret.
/// </summary>
public sealed class ReferencedPlatform
{
    public ReferencedPlatform(string fullyQualifiedStack, PlatformWiring wiring)
    {
        ArgumentNullException.ThrowIfNull(wiring);
        Reference = wiring.Register("stack-reference", new StackReference("reference", new StackReferenceArgs { Name = fullyQualifiedStack }));
    }

    public StackReference Reference { get; }

    /// <summary>One output of the owning stack as text; secret when the owner exported it as a secret or when it is a credential.</summary>
    public Output<string> Read(string name)
    {
        var value = Reference.RequireOutput(name).Apply(v => v?.ToString() ?? string.Empty);
        return StackOutputs.Secret.Contains(name) ? Output.CreateSecret(value) : value;
    }
}
