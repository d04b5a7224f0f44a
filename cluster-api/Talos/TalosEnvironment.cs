namespace Tazlab.ClusterApi.Talos;

/// <summary>Where the Talos commands take their inputs from: the environment, never an argument or a file of ours.</summary>
public static class TalosEnvironment
{
    /// <summary>The talosconfig's text (a secret: the Pulumi program passes its output).</summary>
    public const string TalosconfigVariable = "TAZLAB_TALOSCONFIG";

    /// <summary>The talosctl to run, when not the one on PATH.</summary>
    public const string TalosctlVariable = "TAZLAB_TALOSCTL";
}
