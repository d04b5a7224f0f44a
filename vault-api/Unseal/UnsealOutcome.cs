namespace Tazlab.VaultApi.Unseal;

/// <summary>How an unseal ended; <see cref="Message"/> never quotes a key.</summary>
public sealed record UnsealOutcome(bool Unsealed, string Message)
{
    public static UnsealOutcome Done(string message) => new(true, message);

    public static UnsealOutcome Failed(string message) => new(false, message);
}
