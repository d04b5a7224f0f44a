namespace Tazlab.Stacks.Configuration;

/// <summary>
/// Names the configuration key that holds a secret. The model carries this handle, never the secret:
/// the Pulumi program turns it into a secret output with <c>Config.RequireSecret(Key)</c>.
/// </summary>
/// <param name="Key">The fully qualified key, e.g. <c>tazlab:githubToken</c>.</param>
/// <param name="IsSet">Whether the stack has a value for it yet.</param>
public sealed record SecretReference(string Key, bool IsSet)
{
    public override string ToString() => $"[secret {Key}]";
}
