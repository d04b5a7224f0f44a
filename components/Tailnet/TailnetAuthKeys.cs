using Pulumi;
using Pulumi.Tailscale;

namespace Tazlab.Components.Tailnet;

/// <summary>
/// The auth keys machines of the platform join with: pre-authorised, tagged, single-use (one key joins one device,
/// so every machine has its own) and not ephemeral (the devices must survive reboots). A used key stays in the
/// state unchanged (<c>recreateIfInvalid</c> is left at its default, "never"), so nothing that carries it changes.
/// </summary>
public static class TailnetAuthKeys
{
    public static TailnetKey Create(string name, IReadOnlyList<string> tags, TimeSpan expiry, string description, CustomResourceOptions options) =>
        new(name, new TailnetKeyArgs
        {
            Preauthorized = true,
            Reusable = false,
            Ephemeral = false,
            Expiry = (int)expiry.TotalSeconds,
            Tags = tags.ToList(),
            Description = description,
        }, options);
}
