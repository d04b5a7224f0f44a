namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>Whether a live cluster can take a change to a machine-configuration field.</summary>
public enum TalosFieldClass
{
    /// <summary>Baked in at bootstrap: changing it means destroying and creating the cluster (DOMAIN.md failure 1).</summary>
    BootstrapOnly,

    /// <summary>Can be applied to running nodes (apply-config / upgrade).</summary>
    LiveSafe,
}
