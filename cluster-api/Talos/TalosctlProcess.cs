using System.Diagnostics;

namespace Tazlab.ClusterApi.Talos;

/// <summary>
/// talosctl as a process. The talosconfig's text goes into a file only this user can read, in a folder of its own,
/// for as long as this object lives; talosctl reads it with <c>--talosconfig</c>.
/// </summary>
public sealed class TalosctlProcess : ITalosctl, IDisposable
{
    private readonly string _executable;
    private readonly string _folder;
    private readonly string _talosconfig;

    public TalosctlProcess(string executable, string talosconfig)
    {
        _executable = executable;
        _folder = Directory.CreateTempSubdirectory("tazlab-talos-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _talosconfig = Path.Combine(_folder, "talosconfig");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created readable by this user only: never a moment with wider rights.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(_talosconfig, options);
        using var writer = new StreamWriter(stream);
        writer.Write(talosconfig);
    }

    /// <summary>
    /// The executable: <paramref name="overridePath"/> when given, else <c>talosctl</c> on <paramref name="path"/>;
    /// null when there is none.
    /// </summary>
    public static string? Find(string? overridePath, string? path)
    {
        if (overridePath is { Length: > 0 })
        {
            return File.Exists(overridePath) ? Path.GetFullPath(overridePath) : null;
        }

        foreach (var folder in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "talosctl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public async Task<TalosctlResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--talosconfig");
        start.ArgumentList.Add(_talosconfig);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{_executable} did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new TalosctlResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The folder is the user's own and in the temporary folder; nothing else can read the file.
        }
    }
}
