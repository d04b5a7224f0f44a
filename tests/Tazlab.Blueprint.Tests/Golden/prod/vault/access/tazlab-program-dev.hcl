# Written by tazlab. The Vault credential of stack dev's Pulumi program, granted by the owning stack:
# its JWT mount jwt-dev, that mount's roles and the policies named after it, nothing else.
path "auth/token/lookup-self" {
  capabilities = ["read"]
}

path "sys/auth/jwt-dev" {
  capabilities = ["create", "update", "delete", "sudo"]
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
}

path "sys/policies/acl/eso-reader-dev" {
  capabilities = ["create", "read", "update", "delete"]
}

path "sys/policies/acl/jwt-dev-*" {
  capabilities = ["create", "read", "update", "delete"]
}
