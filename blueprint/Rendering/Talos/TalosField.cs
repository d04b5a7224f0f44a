namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>
/// One field the Talos patches set, with its class and its value as a stable string (lists comma-joined, secrets
/// as their placeholder), so plan.json can be compared with a later plan.
/// </summary>
/// <param name="Path">
/// The field's path: <c>cluster.…</c>/<c>machine.…</c> for fields every node of a role shares,
/// <c>nodes.&lt;node&gt;.…</c> for a node's own patch (a document other than v1alpha1 is named by its kind),
/// <c>schematic.…</c> and <c>contract.…</c> for the image and the machine-configuration contract.
/// </param>
public sealed record TalosField(string Path, TalosFieldClass Class, string Value)
{
    public const string BootstrapOnlyName = "bootstrap-only";
    public const string LiveSafeName = "live-safe";

    public string ClassName => ClassNameOf(Class);

    public static string ClassNameOf(TalosFieldClass fieldClass) => fieldClass == TalosFieldClass.BootstrapOnly ? BootstrapOnlyName : LiveSafeName;

    public static TalosFieldClass? ClassFromName(string? name) => name switch
    {
        BootstrapOnlyName => TalosFieldClass.BootstrapOnly,
        LiveSafeName => TalosFieldClass.LiveSafe,
        _ => null,
    };
}
