namespace Tazlab.TailnetApi.Client;

/// <summary>Why a call to the Tailscale API failed; callers map these to exit codes.</summary>
public enum TailscaleFailure
{
    /// <summary>The API answered with an error status other than 401/403.</summary>
    Rejected,

    /// <summary>401 or 403: the credentials are wrong or lack the scope.</summary>
    AccessDenied,

    /// <summary>The API could not be reached or did not answer in time, retries included.</summary>
    Unavailable,

    /// <summary>The API answered with a body that is not the JSON it documents.</summary>
    MalformedResponse,
}
