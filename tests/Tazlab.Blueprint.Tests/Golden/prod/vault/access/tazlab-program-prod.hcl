# Written by tazlab. The Vault credential of stack prod's Pulumi program: its KV mount, its JWT mount,
# roles and policies, and what it grants referencing stacks (tazlab-grant-*); never its own role or policy.
path "auth/token/lookup-self" {
  capabilities = ["read"]
}

path "sys/auth/jwt" {
  capabilities = ["create", "update", "delete", "sudo"]
}

path "sys/mounts/auth/jwt" {
  capabilities = ["read"]
}

path "sys/mounts/auth/jwt/tune" {
  capabilities = ["read", "update"]
}

path "auth/jwt/config" {
  capabilities = ["read", "update"]
}

path "auth/jwt/role/*" {
  capabilities = ["create", "read", "update", "delete"]
}

path "sys/policies/acl/eso-reader" {
  capabilities = ["create", "read", "update", "delete"]
}

path "sys/policies/acl/jwt-*" {
  capabilities = ["create", "read", "update", "delete"]
}

path "sys/mounts/secret" {
  capabilities = ["create", "read", "update", "delete"]
}

path "sys/mounts/secret/tune" {
  capabilities = ["update"]
}

path "sys/policies/acl/tazlab-grant-*" {
  capabilities = ["create", "read", "update", "delete"]
}

path "auth/approle/role/tazlab-grant-*" {
  capabilities = ["create", "read", "update", "delete"]
}
