using Tazlab.Blueprint.Rendering.CoreDns.Corefile;
using Tazlab.Blueprint.Rendering.Kubernetes;

namespace Tazlab.Blueprint.Rendering.CoreDns;

/// <summary>
/// Renders the user-managed CoreDNS (Talos' own is disabled, failure 3): the Corefile, written from a typed
/// model in the nested-block form, and the manifests whose ConfigMap carries exactly that text.
/// </summary>
public static class CoreDnsRenderer
{
    public static CoreDnsRendering Render(RenderInput input)
    {
        if (!input.Config.CoreDns.UserManaged)
        {
            return CoreDnsRendering.NotUserManaged;
        }

        var corefile = PlatformCorefile.Build(input);
        var text = CorefileWriter.Write(corefile);
        var manifests = CoreDnsManifests.Build(input.Config.CoreDns, text);
        return new CoreDnsRendering(
            corefile,
            manifests,
            [
                new RenderedFile(CoreDnsRendering.CorefileFile, text),
                new RenderedFile(CoreDnsRendering.ManifestsFile, KubernetesManifests.Write(manifests.All)),
            ]);
    }
}
