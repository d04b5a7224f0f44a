using System.Diagnostics;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Repository.Tests;

/// <summary>
/// scripts/use-program-build, run in a throw-away git repository holding the repository's Pulumi.yaml, the script
/// and a stand-in build: it points the project at the build only when the build is of the checkout as it is.
/// </summary>
// The script is bash; the tests run it and read Unix file modes.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProgramBuildScriptTests : IDisposable
{
    private const string Script = "scripts/use-program-build";
    private const string Assembly = "Tazlab.Infra.dll";

    private readonly string _root = Directory.CreateTempSubdirectory("tazlab-program-build-").FullName;
    private readonly string _original = File.ReadAllText(RepoPaths.File(PulumiProjectReader.FileName));
    private readonly string _head;

    public ProgramBuildScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "scripts"));
        Directory.CreateDirectory(Path.Combine(_root, "infra"));
        File.Copy(RepoPaths.File(Script), Path.Combine(_root, Script));
        File.WriteAllText(Path.Combine(_root, PulumiProjectReader.FileName), _original);
        File.WriteAllText(Path.Combine(_root, "Pulumi.prod.yaml"), "config:\n  tazlab:tailnetPolicy: own\n");
        File.WriteAllText(Path.Combine(_root, "infra", "Program.cs"), "// the program\n");
        File.WriteAllText(Path.Combine(_root, ".gitignore"), ".program-build/\n");
        Git("init", "-q");
        _head = Commit("sources");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string ProjectFile => File.ReadAllText(Path.Combine(_root, PulumiProjectReader.FileName));

    [Fact]
    public void Points_the_project_at_the_build_by_its_absolute_path_and_changes_nothing_else()
    {
        var build = StandInBuild(".program-build", _head);

        var (code, output) = Run(".program-build");

        Assert.True(code == 0, output);
        var root = Yaml(ProjectFile);
        var runtime = (YamlMappingNode)root["runtime"];
        Assert.Equal("dotnet", ((YamlScalarNode)runtime["name"]).Value);
        var binary = Binary(root);
        Assert.Equal(Path.Combine(build, Assembly), binary);
        // The dotnet language host starts `dotnet <binary>` in the program's folder (main), where an absolute path
        // names the same file.
        var main = ((YamlScalarNode)root["main"]).Value!;
        Assert.Equal(binary, Path.GetFullPath(Path.Combine(_root, main, binary)));

        // Everything but the runtime is as committed: the configuration the program and `plan` read is the same.
        var before = Yaml(_original);
        Assert.Equal(
            before.Children.Where(c => ((YamlScalarNode)c.Key).Value != "runtime").Select(c => c.Key.ToString() + "=" + c.Value.ToString()),
            root.Children.Where(c => ((YamlScalarNode)c.Key).Value != "runtime").Select(c => c.Key.ToString() + "=" + c.Value.ToString()));
        var diagnostics = new DiagnosticBag();
        var project = PulumiProjectReader.Read(_root, diagnostics);
        Assert.False(diagnostics.HasErrors);
        Assert.Equal(
            PulumiProjectReader.Read(RepoPaths.Root, new DiagnosticBag())!.Config.Keys.Order(StringComparer.Ordinal),
            project!.Config.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(binary, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_a_build_folder_outside_the_checkout_too()
    {
        var outside = Directory.CreateTempSubdirectory("tazlab-build-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, Assembly), "stand-in");
            File.WriteAllText(Path.Combine(outside, "commit"), _head + "\n");

            var (code, output) = Run(outside);

            Assert.True(code == 0, output);
            Assert.Equal(Path.Combine(outside, Assembly), Binary(Yaml(ProjectFile)));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void A_path_with_spaces_quotes_and_a_hash_stays_one_yaml_string()
    {
        var build = StandInBuild("it's a #build: here", _head);

        var (code, output) = Run(build);

        Assert.True(code == 0, output);
        Assert.Equal(Path.Combine(build, Assembly), Binary(Yaml(ProjectFile)));
    }

    [Fact]
    public void A_build_folder_in_the_checkout_that_git_does_not_ignore_is_no_change_to_the_sources()
    {
        StandInBuild("build-out", _head);

        var (code, output) = Run("build-out");

        Assert.True(code == 0, output);
    }

    [Fact]
    public void Keeps_the_project_files_mode()
    {
        var path = Path.Combine(_root, PulumiProjectReader.FileName);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        StandInBuild(".program-build", _head);

        Assert.Equal(0, Run(".program-build").Code);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Refuses_a_build_of_another_commit()
    {
        StandInBuild(".program-build", new string('0', 40));

        var (code, output) = Run(".program-build");

        Assert.Equal(1, code);
        Assert.Contains("was built from 0000000000000000000000000000000000000000", output, StringComparison.Ordinal);
        Assert.Equal(_original, ProjectFile);
    }

    [Fact]
    public void Refuses_a_checkout_with_uncommitted_changes_to_the_sources()
    {
        StandInBuild(".program-build", _head);
        File.AppendAllText(Path.Combine(_root, "infra", "Program.cs"), "// changed after the build\n");

        var (code, output) = Run(".program-build");

        Assert.Equal(1, code);
        Assert.Contains("changes that are not committed", output, StringComparison.Ordinal);
        Assert.Contains("infra/Program.cs", output, StringComparison.Ordinal);
        Assert.Equal(_original, ProjectFile);
    }

    [Fact]
    public void Refuses_a_checkout_with_a_new_source_file_the_build_may_lack()
    {
        StandInBuild(".program-build", _head);
        File.WriteAllText(Path.Combine(_root, "infra", "Added.cs"), "// not committed\n");

        var (code, output) = Run(".program-build");

        Assert.Equal(1, code);
        Assert.Contains("infra/Added.cs", output, StringComparison.Ordinal);
        Assert.Equal(_original, ProjectFile);
    }

    [Fact]
    public void Publish_refuses_a_checkout_with_changes_before_it_builds_anything()
    {
        File.AppendAllText(Path.Combine(_root, "infra", "Program.cs"), "// changed\n");

        var (code, output) = Run("--publish", ".program-build");

        Assert.Equal(1, code);
        Assert.Contains("its commit would not name", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, ".program-build", "commit")));
        Assert.Equal(_original, ProjectFile);
    }

    [Fact]
    public void Publish_that_fails_shows_why_and_leaves_the_project_as_it_is()
    {
        // The throw-away repository's infra/ has no project file, so dotnet publish fails.
        var (code, output) = Run("--publish", ".program-build");

        Assert.Equal(1, code);
        Assert.Contains("dotnet publish infra failed", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, ".program-build", "commit")));
        Assert.Equal(_original, ProjectFile);
    }

    [Fact]
    public void Refuses_a_project_file_with_windows_line_endings()
    {
        File.WriteAllText(Path.Combine(_root, PulumiProjectReader.FileName), _original.Replace("\n", "\r\n", StringComparison.Ordinal));
        StandInBuild(".program-build", Commit("crlf"));

        var (code, output) = Run(".program-build");

        Assert.Equal(1, code);
        Assert.Contains("Windows line endings", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_stack_file_is_not_a_change_to_the_sources()
    {
        // CI sets the stack's secrets into Pulumi.<stack>.yaml; the stack files are read at run time, not compiled.
        StandInBuild(".program-build", _head);
        File.AppendAllText(Path.Combine(_root, "Pulumi.prod.yaml"), "  tazlab:fluxGitToken:\n    secure: v1:abc\n");

        var (code, output) = Run(".program-build");

        Assert.True(code == 0, output);
    }

    [Fact]
    public void Refuses_a_project_already_pointed_at_a_build_and_leaves_it_as_it_is()
    {
        StandInBuild(".program-build", _head);
        Assert.Equal(0, Run(".program-build").Code);
        var pointed = ProjectFile;

        var (code, output) = Run(".program-build");

        Assert.Equal(1, code);
        Assert.Contains("git checkout -- Pulumi.yaml", output, StringComparison.Ordinal);
        Assert.Equal(pointed, ProjectFile);
    }

    [Theory]
    [InlineData("missing-folder", "is not a folder")]
    [InlineData("no-assembly", "has no Tazlab.Infra.dll")]
    [InlineData("no-commit", "has no file 'commit'")]
    public void Refuses_a_folder_that_is_not_a_build(string folder, string message)
    {
        if (folder != "missing-folder")
        {
            var path = Directory.CreateDirectory(Path.Combine(_root, ".program-build", folder)).FullName;
            File.WriteAllText(Path.Combine(path, folder == "no-assembly" ? "commit" : Assembly), _head);
        }

        var (code, output) = Run(Path.Combine(".program-build", folder));

        Assert.Equal(1, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Equal(_original, ProjectFile);
    }

    [Fact]
    public void Without_exactly_one_folder_it_prints_its_usage()
    {
        var (code, output) = Run();

        Assert.Equal(2, code);
        Assert.Contains("usage: scripts/use-program-build", output, StringComparison.Ordinal);
        Assert.Equal(_original, ProjectFile);
    }

    [Fact]
    public void Is_committed_executable()
    {
        // The workflows run it as a command, which a file without its executable bit refuses.
        var mode = Git("-C", RepoPaths.Root, "ls-files", "--stage", "--", Script);

        Assert.StartsWith("100755 ", mode, StringComparison.Ordinal);
    }

    private string StandInBuild(string folder, string commit)
    {
        var path = Directory.CreateDirectory(Path.Combine(_root, folder)).FullName;
        File.WriteAllText(Path.Combine(path, Assembly), "stand-in");
        File.WriteAllText(Path.Combine(path, "commit"), commit + "\n");
        return path;
    }

    private (int Code, string Output) Run(params string[] arguments) => Execute("bash", [Path.Combine(_root, Script), .. arguments]);

    private string Git(params string[] arguments)
    {
        var (code, output) = Execute("git", arguments);
        Assert.True(code == 0, $"git {string.Join(' ', arguments)}: {output}");
        return output;
    }

    /// <summary>Commits everything in the throw-away repository; returns the new HEAD.</summary>
    private string Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    /// <summary>Runs a command in the throw-away repository: its exit code, and its output and errors together.</summary>
    private (int Code, string Output) Execute(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static string Binary(YamlMappingNode project) =>
        ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)project["runtime"])["options"])["binary"]).Value!;

    private static YamlMappingNode Yaml(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
