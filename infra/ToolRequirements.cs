using Tazlab.ClusterApi.Talos;
using Tazlab.Stacks.Validation;

namespace Tazlab.Infra;

/// <summary>
/// The programs <c>pulumi up</c> runs on this machine: talosctl, which the cluster's day-2 commands (an upgrade wave,
/// a staged reboot, a node's retirement) need whenever one of them has something to do. Missing, it is an error
/// before anything is registered on <c>up</c>, rather than a failure halfway through a wave; a preview runs none of
/// them, so there it is a warning.
/// </summary>
public static class ToolRequirements
{
    public static void Check(Func<string, string?> environment, bool preview, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (TalosctlProcess.Find(environment(TalosEnvironment.TalosctlVariable), environment("PATH")) is not null)
        {
            return;
        }

        var overridden = environment(TalosEnvironment.TalosctlVariable) is { Length: > 0 };
        var problem = overridden
            ? "names no file; pulumi up runs talosctl for the cluster's upgrades, staged reboots and node retirements"
            : "talosctl is not on PATH; pulumi up runs it for the cluster's upgrades, staged reboots and node retirements";
        const string Expected = "talosctl of the cluster's Talos minor or newer on PATH, or its path in TAZLAB_TALOSCTL (https://www.talos.dev/latest/talos-guides/install/talosctl/)";
        if (preview)
        {
            diagnostics.Warning(TalosEnvironment.TalosctlVariable, problem, Expected);
        }
        else
        {
            diagnostics.Error(TalosEnvironment.TalosctlVariable, problem, Expected);
        }
    }
}
