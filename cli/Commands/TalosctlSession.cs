using Tazlab.ClusterApi.Talos;

namespace Tazlab.Cli.Commands;

/// <summary>
/// Finds talosctl and the talosconfig for a Talos command, or says plainly what is missing (a usage error: nothing
/// was touched). The Pulumi program passes the talosconfig as a secret environment variable.
/// </summary>
public static class TalosctlSession
{
    /// <summary>
    /// Runs one upgrade step with the session: the timeout read, talosctl and the talosconfig found, progress and the
    /// outcome on stderr. Exit 0 done, 1 failed, 2 usage (nothing started).
    /// </summary>
    public static async Task<int> RunStepAsync(CliContext context, string? timeoutText, Func<ITalosctl, TimeSpan, Action<string>, CancellationToken, Task<UpgradeOutcome>> step, CancellationToken cancellationToken)
    {
        if (!CommonOptions.TryPositiveDuration(context, "--timeout", timeoutText, out var timeout))
        {
            return ExitCodes.InvalidInput;
        }

        using var talosctl = Open(context);
        if (talosctl is null)
        {
            return ExitCodes.InvalidInput;
        }

        var outcome = await step(talosctl, timeout, line => context.Stderr.WriteLine($"talos: {line}"), cancellationToken).ConfigureAwait(false);
        context.Stderr.WriteLine($"talos: {outcome.Message}");
        return outcome.Succeeded ? ExitCodes.Success : ExitCodes.OperationFailed;
    }

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
