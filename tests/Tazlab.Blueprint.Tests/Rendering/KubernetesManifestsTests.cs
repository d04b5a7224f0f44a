using k8s.Models;
using Tazlab.Blueprint.Rendering.Kubernetes;

namespace Tazlab.Blueprint.Tests.Rendering;

public class KubernetesManifestsTests
{
    [Fact]
    public void Writes_kubernetes_fields_first_and_strings_that_read_as_other_types_quoted()
    {
        var map = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = "m" },
            Data = new Dictionary<string, string> { ["port"] = "8080", ["on"] = "yes", ["text"] = "a\nb\n" },
        };

        Assert.Equal(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  port: \"8080\"\n  \"on\": \"yes\"\n  text: |\n    a\n    b\n",
            KubernetesManifests.Write([map]));
    }

    [Fact]
    public void Round_trips_through_read()
    {
        var service = new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "n" },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 53, TargetPort = 5353, Protocol = "UDP" }] },
        };

        var read = Assert.IsType<V1Service>(Assert.Single(KubernetesManifests.Read(KubernetesManifests.Write([service]))));

        Assert.Equal("n", read.Metadata.NamespaceProperty);
        Assert.Equal(5353, int.Parse(read.Spec.Ports[0].TargetPort.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_model_that_is_not_registered_fails_with_its_name()
    {
        var job = new V1Job { ApiVersion = "batch/v1", Kind = "Job", Metadata = new V1ObjectMeta { Name = "j" } };

        var error = Assert.Throws<NotSupportedException>(() => KubernetesManifests.Write([job]));

        Assert.Contains("V1Job", error.Message, StringComparison.Ordinal);
    }
}
