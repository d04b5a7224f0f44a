using System.Collections.Concurrent;
using System.Collections.Immutable;
using Moq;
using Pulumi;
using Pulumi.Testing;
using Tazlab.Components.Secrets;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Infra.Tests.Engine;

/// <summary>
/// One run of the real program under engine mocks, for a stack of this repository (or an edited copy of its
/// configuration): what was registered, what the program returned, and each resource's arguments and options.
/// </summary>
public sealed class ProgramRun
{
    /// <summary>Every secret a test supplies carries this, so a leak is found by searching for it.</summary>
    public const string Marker = ProviderAnswers.Marker;

    /// <summary>The Vault server's public IPv4 address, as Hetzner reports it (a documentation address).</summary>
    public const string VaultPublicAddress = ProviderAnswers.VaultPublicAddress;

    public const string ProdReference = "organization/tazlab/prod";

    private ProgramRun(EngineInputs inputs, Mock<IStackSecrets> secrets, MockChanges? changes)
    {
        Inputs = inputs;
        Secrets = secrets;
        Mocks = ProviderAnswers.For(inputs.Source, changes);
    }

    public EngineInputs Inputs { get; }

    public Mock<IStackSecrets> Secrets { get; }

    public PlatformMocks Mocks { get; }

    public PlatformDeployment? Deployment { get; internal set; }

    public ConcurrentBag<CapturedResource> Captured { get; } = [];

    public Exception? Error { get; private set; }

    /// <summary>The captured resources of one type (e.g. <c>hcloud:index/server:Server</c>).</summary>
    public IReadOnlyList<CapturedResource> OfType(string type) => Captured.Where(c => c.Type == type).ToList();

    public CapturedResource Single(string type, string name) => Captured.Single(c => c.Type == type && c.Name == name);

    public static Task<ProgramRun> Of(string stack) => Of(stack, source => source);

    /// <summary>Runs the program for a repository stack whose engine configuration <paramref name="edit"/> may change.</summary>
    public static Task<ProgramRun> Of(string stack, Func<StackConfigSource, StackConfigSource> edit) => Of(stack, edit, null);

    /// <summary>As <see cref="Of(string, Func{StackConfigSource, StackConfigSource})"/>, with what a provider answers changed (<paramref name="changes"/>).</summary>
    /// <param name="environment">The run's environment variables; by default the Tailscale OAuth client a user exports.</param>
    /// <param name="preview">Run as a preview (<c>pulumi preview</c>, and the first pass of <c>pulumi up</c>) instead of an update.</param>
    public static async Task<ProgramRun> Of(string stack, Func<StackConfigSource, StackConfigSource> edit, MockChanges? changes, IReadOnlyDictionary<string, string>? environment = null, bool preview = false)
    {
        var diagnostics = new DiagnosticBag();
        var project = PulumiProjectReader.Read(RepoPaths.Root, diagnostics)!;
        var source = edit(WithCredentials(StackFileReader.Read(RepoPaths.Root, stack, project, diagnostics)!));
        var secrets = new Mock<IStackSecrets>(MockBehavior.Strict);
        secrets.Setup(s => s.Require(It.IsAny<string>())).Returns((string key) => Output.CreateSecret($"{Marker}:{key}"));
        secrets.Setup(s => s.Get(It.IsAny<string>())).Returns((string key) => source.Values.ContainsKey(key) ? Output.CreateSecret($"{Marker}:{key}") : null);

        environment ??= DefaultEnvironment;
        var inputs = new EngineInputs(source, secrets.Object, RepoPaths.Root) { Environment = name => environment.GetValueOrDefault(name) };
        var run = new ProgramRun(inputs, secrets, changes);
        ProgramUnderTest.Current = run;
        try
        {
            await Pulumi.Deployment.TestAsync<ProgramUnderTest>(run.Mocks, new TestOptions { IsPreview = preview, ProjectName = "tazlab", StackName = stack });
        }
        catch (Exception e)
        {
            run.Error = e;
        }
        finally
        {
            ProgramUnderTest.Current = null;
        }

        return run;
    }

    /// <summary>What a user's shell holds for <c>pulumi up</c>: the Tailscale OAuth client exported, and talosctl installed.</summary>
    public static IReadOnlyDictionary<string, string> DefaultEnvironment => UserEnvironment.Default;

    /// <summary>The repository's stack files hold no secrets: add the credentials <c>pulumi up</c> needs, as a user sets them.</summary>
    public static StackConfigSource WithCredentials(StackConfigSource source) => StackCredentials.Added(source);

    /// <summary>Sets a structured key from its JSON text, as the engine passes it (e.g. <c>tazlab:talosNodes</c>).</summary>
    public static StackConfigSource WithJson(StackConfigSource source, string key, string json) =>
        With(source, key, EngineConfigReader.Read(source.ProjectName, source.StackName, new Dictionary<string, string> { [key] = json }, new HashSet<string>()).Values[key]);

    public static StackConfigSource Without(StackConfigSource source, string key) =>
        source with { Values = source.Values.Where(p => p.Key != key).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) };

    public static StackConfigSource With(StackConfigSource source, string key, ConfigValue value)
    {
        var values = source.Values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        values[key] = value;
        return source with { Values = values };
    }

    /// <summary>What `vault operator init -format=json` prints (the unseal keys and root token are markers).</summary>
    public static string InitOutput => ProviderAnswers.InitOutput;

    /// <summary>A real service-account key as Talos keeps it (base64 of PEM), so the public key can be derived.</summary>
    public static string ServiceAccountKey => ProviderAnswers.ServiceAccountKey;

    public static string ServiceAccountPublicKeyPem => ProviderAnswers.ServiceAccountPublicKeyPem;
}
