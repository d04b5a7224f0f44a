using YamlDotNet.RepresentationModel;

namespace Tazlab.TestSupport;

/// <summary>
/// A throw-away copy of the project's Pulumi files in a temporary folder, with helpers to change one
/// configuration key at a time: each test starts from the real stacks and breaks exactly one thing.
/// </summary>
public sealed class TempProject : IDisposable
{
    private TempProject(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Copies Pulumi.yaml and every Pulumi.&lt;stack&gt;.yaml of the repository.</summary>
    public static TempProject FromRepo()
    {
        var project = Empty();
        foreach (var file in System.IO.Directory.EnumerateFiles(RepoPaths.Root, "Pulumi*.yaml"))
        {
            File.Copy(file, Path.Combine(project.Directory, Path.GetFileName(file)));
        }

        return project;
    }

    /// <summary>Only the repository's Pulumi.yaml: stacks are written by the test.</summary>
    public static TempProject WithProjectFileOnly()
    {
        var project = Empty();
        File.Copy(RepoPaths.File("Pulumi.yaml"), Path.Combine(project.Directory, "Pulumi.yaml"));
        return project;
    }

    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public string StackFile(string stack) => PathOf($"Pulumi.{stack}.yaml");

    public void WriteStack(string stack, string yaml) => File.WriteAllText(StackFile(stack), yaml);

    public void RemoveStack(string stack) => File.Delete(StackFile(stack));

    /// <summary>Sets <paramref name="key"/> (e.g. <c>tazlab:nodeCidr</c>) to a YAML value, adding the key if absent.</summary>
    public void Set(string stack, string key, string yamlValue) => Edit(stack, config =>
    {
        config.Children[new YamlScalarNode(key)] = ParseValue(yamlValue);
    });

    /// <summary>Sets <paramref name="key"/> to a YAML node, adding the key if absent.</summary>
    public void Set(string stack, string key, YamlNode value) => Edit(stack, config => config.Children[new YamlScalarNode(key)] = value);

    /// <summary>Removes <paramref name="key"/> from the stack's config.</summary>
    public void Remove(string stack, string key) => Edit(stack, config => config.Children.Remove(new YamlScalarNode(key)));

    /// <summary>Edits the stack's <c>config:</c> mapping and saves the file.</summary>
    public void Edit(string stack, Action<YamlMappingNode> edit)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(StackFile(stack)))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        edit((YamlMappingNode)root.Children[new YamlScalarNode("config")]);
        using var writer = new StreamWriter(StackFile(stack));
        yaml.Save(writer, assignAnchors: false);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static YamlNode ParseValue(string yamlValue)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader("value: " + yamlValue));
        return ((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("value")];
    }

    private static TempProject Empty()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tazlab-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TempProject(directory);
    }
}
