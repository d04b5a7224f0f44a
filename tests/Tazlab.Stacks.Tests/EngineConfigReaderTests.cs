using System.Text.Json;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Stacks.Tests;

/// <summary>The Pulumi program's path into the model gives the same record tree and messages as the offline loader.</summary>
public class EngineConfigReaderTests
{
    /// <summary>Serialises a stack the way the engine does: every value a string, structured values as JSON, defaults applied.</summary>
    private static Dictionary<string, string> AsEngineConfig(string stack)
    {
        var bag = new DiagnosticBag();
        var project = PulumiProjectReader.Read(RepoPaths.Root, bag)!;
        var source = StackFileReader.Read(RepoPaths.Root, stack, project, bag)!;
        return source.Values.ToDictionary(p => p.Key, p => ToEngineText(p.Value));
    }

    private static string ToEngineText(ConfigValue value) => value switch
    {
        ConfigScalar s => s.Text,
        _ => JsonSerializer.Serialize(ToJson(value)),
    };

    private static object? ToJson(ConfigValue value) => value switch
    {
        ConfigScalar s when !s.Quoted && long.TryParse(s.Text, out var n) => n,
        ConfigScalar s when !s.Quoted && s.Text is "true" or "false" => s.Text == "true",
        ConfigScalar s => s.Text,
        ConfigSequence q => q.Items.Select(ToJson).ToList(),
        ConfigMapping m => m.Entries.ToDictionary(e => e.Key, e => ToJson(e.Value)),
        _ => null,
    };

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Engine_config_gives_the_same_model_as_the_stack_file(string stack)
    {
        var offline = StackLoader.Load(RepoPaths.Root, stack).Config!;
        var engine = EngineConfigReader.Read("tazlab", stack, AsEngineConfig(stack), new HashSet<string>());

        var bag = new DiagnosticBag();
        var fromEngine = StackLoader.Validate(engine, bag);

        Assert.Empty(bag.Items.Select(d => d.ToString()));
        Assert.NotNull(fromEngine);
        Assert.Equal(Describe(offline), Describe(fromEngine));
    }

    [Fact]
    public void Secret_values_are_dropped_and_only_marked_as_set()
    {
        var config = AsEngineConfig("prod");
        config["tazlab:fluxGitToken"] = "ghp_the-real-token";

        var source = EngineConfigReader.Read("tazlab", "prod", config, new HashSet<string> { "tazlab:fluxGitToken" });
        var model = StackLoader.Validate(source, new DiagnosticBag())!;

        Assert.IsType<ConfigSecret>(source.Values["tazlab:fluxGitToken"]);
        Assert.True(model.BootstrapSecrets.FluxGitToken.IsSet);
        Assert.DoesNotContain("ghp_the-real-token", Describe(model), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_engine_config_gives_the_same_messages_as_offline()
    {
        var config = AsEngineConfig("prod");
        config["tazlab:corednsClusterIp"] = "10.200.0.10";
        var bag = new DiagnosticBag();

        var model = StackLoader.Validate(EngineConfigReader.Read("tazlab", "prod", config, new HashSet<string>()), bag);

        Assert.Null(model);
        Assert.Equal(["tazlab:corednsClusterIp: 10.200.0.10 is outside tazlab:serviceCidr (10.96.0.0/12); expected an address inside 10.96.0.0/12"], bag.Items.Select(d => d.ToString()));
    }

    [Fact]
    public void An_item_that_repeats_a_key_is_read_with_its_last_value_and_a_repeated_unknown_key_is_reported_once()
    {
        var config = AsEngineConfig("prod");
        config["tazlab:vaultJwtRoles"] = """[{"name":"r","namespace":"first","namespace":"monitoring","serviceAccount":"sa","tokenTtl":"1h","secrets":["p"]}]""";
        var model = StackLoader.Validate(EngineConfigReader.Read("tazlab", "prod", config, new HashSet<string>()), new DiagnosticBag())!;
        Assert.Equal("monitoring", Assert.Single(model.VaultAuth.Roles).Namespace);

        config["tazlab:vaultJwtRoles"] = """[{"name":"r","namespace":"monitoring","serviceAccount":"sa","tokenTtl":"1h","secrets":["p"],"secret":["a"],"secret":["b"]}]""";
        var bag = new DiagnosticBag();
        Assert.Null(StackLoader.Validate(EngineConfigReader.Read("tazlab", "prod", config, new HashSet<string>()), bag));
        Assert.Equal(
            ["tazlab:vaultJwtRoles[0].secret: unknown key (did you mean 'tazlab:vaultJwtRoles[0].secrets'?); expected one of: audience, name, namespace, secrets, serviceAccount, tokenMaxTtl, tokenTtl"],
            bag.Items.Select(d => d.ToString()));
    }

    [Fact]
    public void Environment_form_is_read()
    {
        var source = EngineConfigReader.ReadEnvironment(
            "tazlab",
            "prod",
            """{"tazlab:vaultApiPort":"8200","tazlab:talosTags":"[\"tag:a\"]","tazlab:fluxGitToken":"x"}""",
            """["tazlab:fluxGitToken"]""");

        Assert.Equal(new ConfigScalar("8200", Quoted: true), source.Values["tazlab:vaultApiPort"]);
        Assert.IsType<ConfigSequence>(source.Values["tazlab:talosTags"]);
        Assert.IsType<ConfigSecret>(source.Values["tazlab:fluxGitToken"]);
    }

    /// <summary>A structural rendering of the model (records with lists compare by reference, so compare text).</summary>
    private static string Describe(StackConfig config) => JsonSerializer.Serialize(config, DescribeOptions);

    private static readonly JsonSerializerOptions DescribeOptions = new() { WriteIndented = true, Converters = { new IpConverter(), new NetworkConverter() } };

    private sealed class IpConverter : System.Text.Json.Serialization.JsonConverter<System.Net.IPAddress>
    {
        public override System.Net.IPAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, System.Net.IPAddress value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    private sealed class NetworkConverter : System.Text.Json.Serialization.JsonConverter<System.Net.IPNetwork>
    {
        public override System.Net.IPNetwork Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, System.Net.IPNetwork value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
