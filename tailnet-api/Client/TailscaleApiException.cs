namespace Tazlab.TailnetApi.Client;

/// <summary>A failed Tailscale API call, with a message meant for the operator (never a credential).</summary>
public sealed class TailscaleApiException : Exception
{
    public TailscaleApiException()
    {
    }

    public TailscaleApiException(string message)
        : base(message)
    {
    }

    public TailscaleApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TailscaleApiException(TailscaleFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public TailscaleFailure Failure { get; } = TailscaleFailure.Rejected;
}
