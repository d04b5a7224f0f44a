using Pulumi;

namespace Tazlab.Components.Secrets;

/// <summary>
/// Where the components get stack secrets. The model only knows which key holds a secret; this turns it into a
/// secret output (the program reads <c>Pulumi.Config</c>; tests supply markers).
/// </summary>
public interface IStackSecrets
{
    /// <summary>The secret value of a fully qualified key, as a secret output.</summary>
    Output<string> Require(string key);

    /// <summary>The value of a key whose presence is optional (e.g. one of two credential kinds); null when unset.</summary>
    Output<string>? Get(string key);
}
