using Pulumi;
using Pulumiverse.Talos.Machine.Outputs;
using ClusterInputs = Pulumiverse.Talos.Cluster.Inputs;
using ClientInputs = Pulumiverse.Talos.Client.Inputs;
using MachineInputs = Pulumiverse.Talos.Machine.Inputs;

namespace Tazlab.Components.TalosCluster;

/// <summary>
/// The Talos SDK's <c>Secrets</c> outputs are not assignable to the inputs of <c>GetConfiguration</c>,
/// <c>ConfigurationApply</c> and friends (pulumiverse/pulumi-talos #103, #200, #251): each field is mapped here, once.
/// </summary>
public static class TalosSecretsMapping
{
    public static Output<MachineInputs.MachineSecretsInputArgs> MachineSecrets(Output<MachineSecretsResult> secrets) => secrets.Apply(s =>
    {
        var kubernetes = new MachineInputs.KubernetesSecretsInputArgs
        {
            BootstrapToken = s.Secrets.BootstrapToken,
            SecretboxEncryptionSecret = s.Secrets.SecretboxEncryptionSecret,
        };

        // Optional: Talos generates it only for older machine-configuration contracts.
        if (s.Secrets.AescbcEncryptionSecret is { } aescbc)
        {
            kubernetes.AescbcEncryptionSecret = aescbc;
        }

        return new MachineInputs.MachineSecretsInputArgs
        {
            Certs = new MachineInputs.CertificatesInputArgs
            {
                Etcd = Certificate(s.Certs.Etcd),
                K8s = Certificate(s.Certs.K8s),
                K8sAggregator = Certificate(s.Certs.K8sAggregator),
                K8sServiceaccount = new MachineInputs.KeyInputArgs { Key = s.Certs.K8sServiceaccount.Key },
                Os = Certificate(s.Certs.Os),
            },
            Cluster = new MachineInputs.ClusterInputArgs { Id = s.Cluster.Id, Secret = s.Cluster.Secret },
            Secrets = kubernetes,
            Trustdinfo = new MachineInputs.TrustdInfoInputArgs { Token = s.Trustdinfo.Token },
        };
    });

    public static Output<MachineInputs.ClientConfigurationArgs> ForApply(Output<ClientConfiguration> client) => client.Apply(c =>
        new MachineInputs.ClientConfigurationArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey });

    public static Output<ClusterInputs.KubeconfigClientConfigurationArgs> ForKubeconfig(Output<ClientConfiguration> client) => client.Apply(c =>
        new ClusterInputs.KubeconfigClientConfigurationArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey });

    public static Output<ClientInputs.GetConfigurationClientConfigurationInputArgs> ForTalosconfig(Output<ClientConfiguration> client) => client.Apply(c =>
        new ClientInputs.GetConfigurationClientConfigurationInputArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey });

    private static MachineInputs.CertificateInputArgs Certificate(CertificateResult certificate) =>
        new() { Cert = certificate.Cert, Key = certificate.Key };
}
