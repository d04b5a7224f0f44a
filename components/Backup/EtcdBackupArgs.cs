using Tazlab.Components.Kubernetes;
using Tazlab.Components.Wiring;

namespace Tazlab.Components.Backup;

/// <summary>What the etcd backup job needs: the cluster's provider and the storage's secrets.</summary>
public sealed class EtcdBackupArgs : PlatformPartArgs
{
    public required ClusterAccess Cluster { get; init; }

    public required BackupSecrets Secrets { get; init; }
}
