using Tazlab.ClusterApi.Talos;

namespace Tazlab.Cli.Commands;

/// <summary>
/// Finds talosctl and the talosconfig for a Talos command, or says plainly what is missing (a usage error: nothing
/// was touched). The Pulumi program passes the talosconfig as a secret environment variable.
/// </summary>
public static class TalosctlSession
{
    public static TalosctlProcess? Open(CliContext context)
    {
        var executable = TalosctlProcess.Find(context.Environment(TalosEnvironment.TalosctlVariable), context.Environment("PATH"));
        if (executable is null)
        {
            context.Stderr.WriteLine($"talosctl: not found on PATH (nor at {TalosEnvironment.TalosctlVariable}); expected talosctl of the cluster's Talos minor or newer installed before pulumi up (https://www.talos.dev/latest/talos-guides/install/talosctl/)");
            return null;
        }

        if (context.Environment(TalosEnvironment.TalosconfigVariable) is not { Length: > 0 } talosconfig)
        {
            context.Stderr.WriteLine($"{TalosEnvironment.TalosconfigVariable}: not set; expected the cluster's talosconfig (the Pulumi program passes its secret output)");
            return null;
        }

        return new TalosctlProcess(executable, talosconfig);
    }
}
