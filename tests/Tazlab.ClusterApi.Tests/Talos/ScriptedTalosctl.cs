using Tazlab.ClusterApi.Talos;

namespace Tazlab.ClusterApi.Tests.Talos;

/// <summary>A talosctl that answers each subcommand as the test says and records every call.</summary>
internal sealed class ScriptedTalosctl(Func<IReadOnlyList<string>, TalosctlResult> answer) : ITalosctl
{
    public List<IReadOnlyList<string>> Calls { get; } = [];

    public Task<TalosctlResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        Calls.Add(arguments);
        return Task.FromResult(answer(arguments));
    }

    public static TalosctlResult Version(string tag) =>
        new(0, $"Client:\n\tTag:         v1.12.1\nServer:\n\tNODE:        192.168.1.81\n\tTag:         {tag}\n\tSHA:         abc\n", string.Empty);

    /// <summary><c>talosctl get extensions -o json</c> as Talos prints it: one indented object per extension, Image Factory's schematic among them.</summary>
    public static TalosctlResult Extensions(string? schematic) => new(
        0,
        Extension("0", "qemu-guest-agent", "10.0.2") + (schematic is null ? string.Empty : Extension("1", "schematic", schematic)),
        string.Empty);

    private static string Extension(string id, string name, string version) => $$$"""
        {
            "metadata": {"namespace": "runtime", "type": "ExtensionStatuses.runtime.talos.dev", "id": "{{{id}}}", "version": 1, "phase": "running"},
            "node": "192.168.1.91",
            "spec": {"image": "{{{id}}}.sqsh", "metadata": {"name": "{{{name}}}", "version": "{{{version}}}", "author": "Sidero Labs"}}
        }

        """;

    /// <summary><c>talosctl get machineconfig -o json</c>: the active (v1alpha1) and the persistent configuration.</summary>
    public static TalosctlResult MachineConfigs(string active, string persistent) => new(
        0,
        $$"""
        {
            "metadata": {"namespace": "config", "type": "MachineConfigs.config.talos.dev", "id": "persistent", "version": 2},
            "node": "192.168.1.91",
            "spec": "{{persistent}}"
        }
        {
            "metadata": {"namespace": "config", "type": "MachineConfigs.config.talos.dev", "id": "v1alpha1", "version": 1},
            "node": "192.168.1.91",
            "spec": "{{active}}"
        }
        """,
        string.Empty);

    public static readonly TalosctlResult Ok = new(0, string.Empty, string.Empty);
}
