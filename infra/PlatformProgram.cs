using Pulumi;
using Tazlab.Blueprint.Rendering.CoreDns;
using Tazlab.Blueprint.Rendering.Tailnet;
using Tazlab.Components.Backup;
using Tazlab.Components.BootstrapSecrets;
using Tazlab.Components.ClusterDns;
using Tazlab.Components.DeviceHygiene;
using Tazlab.Components.Kubernetes;
using Tazlab.Components.Rendering;
using Tazlab.Components.TailscaleOperator;
using Tazlab.Components.TalosCluster;
using Tazlab.Components.VaultAccess;
using Tazlab.Components.Tailnet;
using Tazlab.Components.VaultKubernetesAuth;
using Tazlab.Components.VaultServer;
using Tazlab.Components.Wiring;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Validation;
using KubernetesProvider = Pulumi.Kubernetes.Provider;
using KubernetesProviderArgs = Pulumi.Kubernetes.ProviderArgs;

namespace Tazlab.Infra;

/// <summary>
/// The stack program: checks everything first, then composes the components in the dependency graph's order,
/// every provisioning edge a registered dependency. The stack that owns the tailnet policy and Vault creates them;
/// a referencing stack reads them from the owner's outputs and creates its own cluster.
/// </summary>
public static class PlatformProgram
{
    public static IDictionary<string, object?> Run(EngineInputs inputs) => Deploy(inputs).Outputs;

    public static PlatformDeployment Deploy(EngineInputs inputs)
    {
        var plan = PlatformChecks.Run(inputs);
        var context = plan.Context;
        var config = context.Config;
        var names = context.Names;
        var secrets = inputs.Secrets;
        var wiring = new PlatformWiring(context.Graph);
        var ownsPolicy = config.Ownership.TailnetPolicy == PartOwnership.Own;
        var ownsVault = config.Ownership.VaultServer == PartOwnership.Own;

        var reference = config.Ownership.ReferenceStack is { } referenced && config.Ownership.ReferencesAnything
            ? new ReferencedPlatform(referenced, wiring)
            : null;
        Output<string> FromOwner(string output) => (reference ?? throw new InvalidOperationException($"{output} comes from the owning stack, but this stack references none.")).Read(output);

        _ = new DeviceHygiene("device-hygiene", new DeviceHygieneArgs
        {
            Config = config,
            ProjectRoot = inputs.ProjectRoot,
            Wiring = wiring,
        });

        var tailnet = new Tailnet("tailnet", new TailnetArgs
        {
            Config = config,
            PolicyHuJson = ownsPolicy ? ApplyTimeRendering.File(context.Rendering.Get<TailnetRendering>(), TailnetRendering.PolicyFile) : null,
            Wiring = wiring,
        });

        var sshPrivateKey = ownsVault ? secrets.Require(config.Vault.SshPrivateKey.Key) : null;
        var vault = sshPrivateKey is not null
            ? new VaultServer("vault", new VaultServerArgs
            {
                Config = config,
                Names = names,
                Rendering = context.Rendering,
                SshPrivateKey = sshPrivateKey,
                ProjectRoot = inputs.ProjectRoot,
                Wiring = wiring,
            })
            : null;

        var cluster = new TalosCluster("cluster", new TalosClusterArgs
        {
            Config = config,
            Names = names,
            Rendering = context.Rendering,
            ProxmoxApiToken = secrets.Require(ApplyRequirements.ProxmoxApiToken),
            ProjectRoot = inputs.ProjectRoot,
            Wiring = wiring,
        });

        // Every Kubernetes object goes through this provider, built from the kubeconfig of the healthy cluster (so it is
        // part of "cluster healthy": nothing reaches the cluster's API before the health check has passed). Its cluster
        // identifier names the cluster's generation, not its kubeconfig (pulumi-kubernetes v4.32.0 DiffConfig): a
        // renewed kubeconfig, unknown at preview, then leaves every object alone, while a new cluster (a bootstrap
        // again, which replaces the health check and so its id) replaces the provider and recreates every object in it.
        var kubernetes = wiring.Register("cluster-healthy", new KubernetesProvider("cluster", new KubernetesProviderArgs
        {
            KubeConfig = cluster.Kubeconfig,
            ClusterIdentifier = Output.Format($"{config.ProjectName}-{config.StackName}-{config.Talos.ClusterName}-{cluster.HealthCheck.Id}"),
        }, new CustomResourceOptions { DependsOn = wiring.DependenciesOf("cluster-healthy", cluster.HealthCheck) }));
        var access = new ClusterAccess(kubernetes);

        ClusterDns? dns = config.CoreDns.UserManaged
            ? new ClusterDns("coredns", new ClusterDnsArgs { Rendering = context.Rendering.Get<CoreDnsRendering>(), Cluster = access, Wiring = wiring })
            : null;

        // The operator's OAuth credentials: from this stack's OAuth client, or the owner's outputs - never from Vault.
        _ = new TailscaleOperator("tailscale-operator", new TailscaleOperatorArgs
        {
            Config = config,
            Names = names,
            Rendering = context.Rendering,
            OAuthClientId = ownsPolicy ? tailnet.OperatorOAuthClientId! : FromOwner(StackOutputs.OperatorOAuthClientId),
            OAuthClientSecret = ownsPolicy ? tailnet.OperatorOAuthClientSecret! : FromOwner(StackOutputs.OperatorOAuthClientSecret),
            Cluster = access,
            Wiring = wiring,
        });

        var vaultApiUrl = vault?.ApiUrl ?? FromOwner(StackOutputs.VaultApiUrl);
        var vaultCa = vault?.CaCertificate ?? FromOwner(StackOutputs.VaultCaCertificate);
        var vaultCredential = vault is not null
            ? new VaultProgramCredential(vault.ProgramRoleId, vault.ProgramSecretId)
            : reference!.VaultCredential(config.StackName, config.Ownership.ReferenceStackName ?? string.Empty);
        if (!ownsVault)
        {
            // The owner's Vault already has the KV mount, and the owner writes this stack's policies (its grant).
            wiring.Register("kv-mount", reference!.Reference);
            wiring.Register("eso-reader-policy", reference.Reference);
        }

        var vaultAuth = new VaultKubernetesAuth("vault-kubernetes-auth", new VaultKubernetesAuthArgs
        {
            Config = config,
            Names = names,
            Rendering = context.Rendering,
            VaultApiUrl = vaultApiUrl,
            VaultCaCertificate = vaultCa,
            VaultCredential = vaultCredential,
            ServiceAccountPublicKey = cluster.ServiceAccountPublicKey,
            KubernetesCaCertificate = cluster.KubernetesCaCertificate,
            OwnsVault = ownsVault,
            Cluster = access,
            ProjectRoot = inputs.ProjectRoot,
            Wiring = wiring,
        });

        _ = new BootstrapSecrets("bootstrap-secrets", new BootstrapSecretsArgs
        {
            Config = config,
            Names = names,
            Rendering = context.Rendering,
            FluxGitToken = secrets.Require(config.BootstrapSecrets.FluxGitToken.Key),
            Cluster = access,
            Wiring = wiring,
        });

        var backups = config.Backup.IsConfigured
            ? new BackupSecrets(
                secrets.Require(config.Backup.AccessKeyId.Key),
                secrets.Require(config.Backup.SecretAccessKey.Key),
                secrets.Require(config.Backup.Password.Key))
            : null;
        var etcdBackup = backups is null ? null : new EtcdBackup("etcd-backup", new EtcdBackupArgs
        {
            Config = config,
            Names = names,
            Rendering = context.Rendering,
            Cluster = access,
            Secrets = backups,
            Wiring = wiring,
        });

        var outputs = new Dictionary<string, object?>
        {
            [StackOutputs.TailnetName] = tailnet.TailnetName,
            [StackOutputs.VaultApiUrl] = vaultApiUrl,
            [StackOutputs.Kubeconfig] = cluster.Kubeconfig,
            [StackOutputs.Talosconfig] = cluster.Talosconfig,
            [StackOutputs.ApiServerUrl] = cluster.ApiServerUrl,
            [StackOutputs.ServiceAccountPublicKey] = cluster.ServiceAccountPublicKey,
            [StackOutputs.JwtMount] = vaultAuth.JwtMount,
            [StackOutputs.EsoReaderPolicy] = vaultAuth.ReaderPolicy,
            [StackOutputs.ClusterSecretStore] = vaultAuth.StoreName,
        };
        if (dns is not null)
        {
            outputs[StackOutputs.CorednsClusterIp] = dns.ClusterIp;
        }

        if (etcdBackup is not null)
        {
            outputs[StackOutputs.EtcdBackupRepository] = etcdBackup.Repository;
        }

        if (ownsPolicy)
        {
            outputs[StackOutputs.OperatorOAuthClientId] = tailnet.OperatorOAuthClientId;
            outputs[StackOutputs.OperatorOAuthClientSecret] = tailnet.OperatorOAuthClientSecret;
        }

        if (vault is not null)
        {
            outputs[StackOutputs.VaultCaCertificate] = vault.CaCertificate;
            // Each referencing stack's own credential, for it alone to read through its stack reference.
            var grants = new VaultStackGrants("vault-stack-grants", new VaultStackGrantsArgs
            {
                Config = config,
                Names = names,
                Rendering = context.Rendering,
                Provider = vaultAuth.Provider,
                Wiring = wiring,
            });
            outputs[StackOutputs.VaultStackCredentials] = grants.Credentials;
            if (backups is not null)
            {
                var vaultBackup = new VaultBackup("vault-backup", new VaultBackupArgs
                {
                    Config = config,
                    Names = names,
                    Rendering = context.Rendering,
                    Provider = vaultAuth.Provider,
                    SshPrivateKey = sshPrivateKey!,
                    ServerId = vault.ServerId,
                    Secrets = backups,
                    Wiring = wiring,
                });
                outputs[StackOutputs.VaultBackupRepository] = vaultBackup.Repository;
            }
        }

        return new PlatformDeployment(plan, wiring, outputs);
    }
}
