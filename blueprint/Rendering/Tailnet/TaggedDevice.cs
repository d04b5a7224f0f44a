using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Rendering.Tailnet;

/// <summary>
/// A kind of device the platform joins to the tailnet with several tags at once. A grant to any of its tags
/// reaches it, so a test on one tag is answered by the grants on all of them.
/// </summary>
/// <param name="Name">How messages name it, e.g. "the Vault VM".</param>
public sealed record TaggedDevice(string Name, IReadOnlyList<string> Tags)
{
    /// <summary>The platform's tagged devices: the Vault VM, the Talos nodes and the operator's proxies.</summary>
    public static IReadOnlyList<TaggedDevice> Of(StackConfig config) =>
    [
        new("the Vault VM", config.Vault.Tags),
        new("the Talos nodes", config.Talos.Tags),
        new("the operator's proxies", config.Operator.ProxyTags),
    ];
}
