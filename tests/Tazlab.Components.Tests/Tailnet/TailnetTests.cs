using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.Tailnet;
using Tazlab.Components.Tailnet;
using Tazlab.Blueprint.Graph;
using Tazlab.Components.Tests.Mocks;
using Tazlab.Components.Wiring;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Components.Tests.Tailnet;

public class TailnetTests
{
    private const string AclType = "tailscale:index/acl:Acl";
    private const string OAuthClientType = "tailscale:index/oauthClient:OauthClient";
    private const string KeyType = "tailscale:index/tailnetKey:TailnetKey";

    private static StrictMocks Mocks() => new(new Dictionary<string, Func<MockResourceArgs, ImmutableDictionary<string, object>>>
    {
        [Components.Tailnet.Tailnet.TypeToken] = _ => ImmutableDictionary<string, object>.Empty,
        [AclType] = _ => ImmutableDictionary<string, object>.Empty,
        [OAuthClientType] = args => ImmutableDictionary<string, object>.Empty.Add("key", $"oauth-secret-{args.Name}"),
        [KeyType] = args => ImmutableDictionary<string, object>.Empty.Add("key", $"tskey-{args.Name}"),
    });

    private static async Task<(StrictMocks Mocks, Components.Tailnet.Tailnet Tailnet, string Policy)> Deploy()
    {
        var config = StackLoader.Load(RepoPaths.Root, "prod").Config!;
        var names = PlatformNames.From(config);
        var rendering = PlatformRenderer.Render(new RenderInput(config, names, PlaceholderValues.Instance));
        var wiring = new PlatformWiring(PlatformGraphBuilder.Build(config, names, new DiagnosticBag()));
        var policy = rendering.Files.Single(f => f.Path == TailnetRendering.PolicyFile).Content;
        var mocks = Mocks();
        Components.Tailnet.Tailnet? tailnet = null;
        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "prod", ProjectName = "tazlab" }, () =>
        {
            tailnet = new Components.Tailnet.Tailnet("tailnet", new TailnetArgs { Config = config, PolicyHuJson = policy, Wiring = wiring });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        });
        return (mocks, tailnet!, policy);
    }

    [Fact]
    public async Task Registers_the_policy_and_the_oauth_clients_and_no_machines_key()
    {
        var (mocks, _, policy) = await Deploy();

        Assert.Single(mocks.Registered, r => r.Type == AclType);
        Assert.Equal(["k8s-operator", "tazlab-bootstrap"], mocks.Registered.Where(r => r.Type == OAuthClientType).Select(r => r.Name).Order());
        // Every machine's key belongs to the machine and is minted (and replaced) with it: VaultServer, TalosCluster.
        Assert.DoesNotContain(mocks.Registered, r => r.Type == KeyType);
        var acl = mocks.Registered.Single(r => r.Type == AclType);
        Assert.Equal(policy, acl.Inputs["acl"]);
        Assert.Equal(true, acl.Inputs["overwriteExistingContent"]);
    }

    [Fact]
    public async Task Descriptions_are_plain_text_the_tailscale_api_takes()
    {
        var (mocks, _, _) = await Deploy();

        // Parentheses ("k8s-operator (prod)") are in no wording of the API's rules; letters, digits and hyphens are in all.
        var descriptions = mocks.Registered.Where(r => r.Type is OAuthClientType or KeyType).Select(r => (string)r.Inputs["description"]).Order().ToList();
        Assert.Equal(["tazlab-prod-k8s-operator", "tazlab-prod-tazlab-bootstrap"], descriptions);
        Assert.All(descriptions, d => Assert.Matches("^[A-Za-z0-9-]{1,50}$", d));
    }

    [Fact]
    public async Task Oauth_credentials_are_secret_outputs()
    {
        var (_, tailnet, _) = await Deploy();

        Assert.True(await Output.IsSecretAsync(tailnet.OperatorOAuthClientSecret!));
        Assert.False(await Output.IsSecretAsync(tailnet.TailnetName));
        Assert.Equal("oauth-secret-k8s-operator", await OutputValue.Of(tailnet.OperatorOAuthClientSecret!));
    }
}
