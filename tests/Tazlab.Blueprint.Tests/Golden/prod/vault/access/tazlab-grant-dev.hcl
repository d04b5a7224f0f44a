# Written by tazlab. The Vault credential of stack dev's Pulumi program, granted by the owning stack:
# its JWT mount jwt-dev and that mount's roles, with no policy but those the owner wrote for them.
path "auth/token/lookup-self" {
  capabilities = ["read"]
}

path "sys/auth/jwt-dev" {
  capabilities = ["create", "update", "delete", "sudo"]
  allowed_parameters = {
    "type" = ["jwt"]
    "description" = []
    "config" = []
    "local" = []
    "seal_wrap" = []
    "external_entropy_access" = []
    "options" = []
    "plugin_version" = []
  }
}

path "sys/mounts/auth/jwt-dev" {
  capabilities = ["read"]
}

path "sys/mounts/auth/jwt-dev/tune" {
  capabilities = ["read", "update"]
}

path "auth/jwt-dev/config" {
  capabilities = ["read", "update"]
}

path "auth/jwt-dev/role/*" {
  capabilities = ["create", "read", "update", "delete"]
  allowed_parameters = {
    "token_policies" = ["tazlab-grant-dev-eso-reader", "tazlab-grant-dev-grafana-consumer"]
    "role_type" = []
    "bound_audiences" = []
    "bound_subject" = []
    "bound_claims" = []
    "bound_claims_type" = []
    "claim_mappings" = []
    "user_claim" = []
    "user_claim_json_pointer" = []
    "groups_claim" = []
    "oidc_scopes" = []
    "allowed_redirect_uris" = []
    "max_age" = []
    "clock_skew_leeway" = []
    "expiration_leeway" = []
    "not_before_leeway" = []
    "verbose_oidc_logging" = []
    "token_ttl" = []
    "token_max_ttl" = []
    "token_explicit_max_ttl" = []
    "token_period" = []
    "token_type" = []
    "token_num_uses" = []
    "token_no_default_policy" = []
    "token_bound_cidrs" = []
    "alias_metadata" = []
  }
}
