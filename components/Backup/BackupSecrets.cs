using Pulumi;

namespace Tazlab.Components.Backup;

/// <summary>The object storage's S3 keys and the restic repositories' password, each a stack secret.</summary>
public sealed record BackupSecrets(Output<string> AccessKeyId, Output<string> SecretAccessKey, Output<string> Password);
