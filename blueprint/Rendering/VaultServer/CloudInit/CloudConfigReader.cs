using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Blueprint.Rendering.VaultServer.CloudInit;

/// <summary>
/// Reads a rendered #cloud-config back into a <see cref="CloudConfig"/>, so checks inspect the shipped text.
/// A document without the marker line, or with a shape this platform never writes, is a <see cref="FormatException"/>.
/// </summary>
public static class CloudConfigReader
{
    public static CloudConfig Read(string text)
    {
        if (!text.StartsWith(CloudConfigWriter.Header + "\n", StringComparison.Ordinal))
        {
            throw new FormatException($"a cloud-config document starts with '{CloudConfigWriter.Header}'");
        }

        try
        {
            return Parse(text);
        }
        catch (Exception error) when (error is YamlException or InvalidCastException or KeyNotFoundException)
        {
            throw new FormatException($"not a cloud-config document this platform writes: {error.Message}", error);
        }
    }

    private static CloudConfig Parse(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return new CloudConfig(
            Sequence(root, "users").Select(User).ToList(),
            Scalar(root, "package_update") == "true",
            Sequence(root, "packages").Select(Text).ToList(),
            Sequence(root, "write_files").Select(File).ToList(),
            Sequence(root, "runcmd").Select(Command).ToList());
    }

    private static object User(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlMappingNode user => new CloudConfigUser(
            Scalar(user, "name") ?? "",
            Scalar(user, "system") == "true",
            Scalar(user, "homedir") ?? "",
            Scalar(user, "no_create_home") == "true",
            Scalar(user, "shell") ?? ""),
        _ => throw new FormatException("a user is the keyword default or a mapping"),
    };

    private static CloudConfigFile File(YamlNode node)
    {
        var file = (YamlMappingNode)node;
        var defer = Scalar(file, "defer");
        return new CloudConfigFile(
            Scalar(file, "path") ?? throw new FormatException("a write_files entry has no path"),
            Scalar(file, "content") ?? "",
            Scalar(file, "owner") ?? "",
            Scalar(file, "permissions") ?? "",
            defer is null ? null : defer == "true");
    }

    private static ShellCommand Command(YamlNode node) => node switch
    {
        YamlSequenceNode arguments => new ShellCommand(arguments.Select(Text).ToList()),
        YamlScalarNode line => ShellCommand.Shell(line.Value ?? ""),
        _ => throw new FormatException("a runcmd entry is a list of arguments or a line"),
    };

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (YamlSequenceNode)node : [];

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? "";
}
