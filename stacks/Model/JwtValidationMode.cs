namespace Tazlab.Stacks.Model;

public enum JwtValidationMode
{
    /// <summary><c>jwt_validation_pubkeys</c>: the service-account public key, given to Vault directly.</summary>
    PublicKeys,

    /// <summary><c>jwks_url</c>: Vault fetches the keys from the API server (needs anonymous access to it).</summary>
    JwksUrl,
}
