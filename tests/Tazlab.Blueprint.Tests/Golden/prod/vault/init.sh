#!/bin/sh
# Written by tazlab. Run by the Pulumi program over the tailnet: initialises Vault once, creates the program's own credential and revokes the root token.
# Prints the unseal keys and the credential as JSON; the caller keeps stdout only as a Pulumi secret.
set -eu
export VAULT_ADDR='https://lushycorp-vault.magellanic-gondola.ts.net:8200'
export VAULT_CACERT='/etc/vault.d/tls/ca.crt'
waited=0
while :; do
  set +e
  vault status >/dev/null 2>&1
  status=$?
  set -e
  # vault status: 0 unsealed, 2 sealed (both answer); 1 or 127 (not installed yet) do not.
  if [ "$status" -eq 0 ] || [ "$status" -eq 2 ]; then
    break
  fi
  if [ "$waited" -ge 900 ]; then
    echo "no answer from $VAULT_ADDR after 900s" >&2
    exit 1
  fi
  waited=$((waited + 5))
  sleep 5
done
# Only the result goes to the real stdout (fd 3): Vault's CLI prints "Success!" lines that would spoil it.
exec 3>&1 1>&2
state_dir=${TAZLAB_STATE_DIR:-/var/lib/tazlab}
state="$state_dir/vault-init.json"
result="$state_dir/vault-init-result.json"
umask 077
# A run killed between the init and the move left the result here: it is the only copy of the keys.
if [ -s "$state.new" ] && [ ! -s "$state" ]; then mv "$state.new" "$state"; fi
set +e
vault operator init -status >/dev/null 2>&1
status=$?
set -e
# -status: 0 initialised, 2 not initialised, anything else an error.
case "$status" in
  2)
    install -d -o root -g root -m 0700 "$state_dir"
    # A result left by a Vault that has since been wiped is not this one's.
    rm -f "$result" "$result.new"
    # Kept until the result is printed: a run that fails half-way is finished by the next one.
    vault operator init -key-shares=5 -key-threshold=3 -format=json > "$state.new"
    mv "$state.new" "$state" ;;
  0)
    if [ ! -s "$state" ]; then
      echo "vault-init: $VAULT_ADDR is already initialised, and its unseal keys and credential are in the state of the run that initialised it: restore that state (docs/runbook.md, Vault: keys, root token, credentials); nothing was changed"
      exit 1
    fi
    echo "vault-init: finishing the init an earlier run started (its result is in $state_dir)" ;;
  *) echo "vault-init: cannot read the init status of $VAULT_ADDR"; exit 1 ;;
esac
# Unseal with the init's keys: the policy and the credential need an unsealed Vault.
jq -r '.unseal_keys_b64[]' "$state" | while IFS= read -r key; do
  set +e
  vault status >/dev/null 2>&1
  sealed=$?
  set -e
  [ "$sealed" -eq 2 ] || break
  printf '{"key":"%s"}' "$key" | curl -sS --fail --cacert "$VAULT_CACERT" -X PUT --data @- "$VAULT_ADDR/v1/sys/unseal" >/dev/null
done
vault status >/dev/null 2>&1 || { echo "vault-init: $VAULT_ADDR is still sealed"; exit 1; }
# Unsealed is not yet active: raft elects this node leader first (sys/health answers 200 once it is).
waited=0
until [ "$(curl -sS -o /dev/null -w '%{http_code}' --cacert "$VAULT_CACERT" "$VAULT_ADDR/v1/sys/health" || true)" = 200 ]; do
  [ "$waited" -lt 120 ] || { echo "vault-init: $VAULT_ADDR is unsealed but not active after 120s"; exit 1; }
  waited=$((waited + 2))
  sleep 2
done
# The root token, in this process's environment only (never an argument), for the next steps alone.
VAULT_TOKEN=$(jq -r '.root_token' "$state")
export VAULT_TOKEN
if [ ! -s "$result" ]; then
  vault policy write tazlab-program-prod - <<'TAZLAB_POLICY'
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
TAZLAB_POLICY
  vault auth list -format=json | jq -e '."approle/"' >/dev/null || vault auth enable -path=approle approle
  vault write auth/approle/role/tazlab-program-prod token_policies=tazlab-program-prod token_no_default_policy=true token_type=service token_ttl=3600 token_max_ttl=3600 token_num_uses=0 token_bound_cidrs=100.64.0.0/10,fd7a:115c:a1e0::/48 secret_id_bound_cidrs=100.64.0.0/10,fd7a:115c:a1e0::/48 secret_id_num_uses=0 secret_id_ttl=0
  # One secret id: those of an earlier, unfinished run are destroyed (accessors are not secret).
  vault list -format=json auth/approle/role/tazlab-program-prod/secret-id 2>/dev/null | jq -r '.[]' | while IFS= read -r accessor; do
    vault write auth/approle/role/tazlab-program-prod/secret-id-accessor/destroy secret_id_accessor="$accessor"
  done
  # Secrets go from Vault to files in the root-only folder and on to jq, never through an argument.
  vault read -format=json auth/approle/role/tazlab-program-prod/role-id > "$state_dir/role-id.json"
  vault write -f -format=json auth/approle/role/tazlab-program-prod/secret-id > "$state_dir/secret-id.json"
  jq -cs '{unseal_keys_b64: .[0].unseal_keys_b64, role_id: .[1].data.role_id, secret_id: .[2].data.secret_id} | select(.role_id != null and .secret_id != null)' "$state" "$state_dir/role-id.json" "$state_dir/secret-id.json" > "$result.new"
  rm -f "$state_dir/role-id.json" "$state_dir/secret-id.json"
  [ -s "$result.new" ] || { echo "vault-init: the program's credential could not be created; the next run finishes the init"; exit 1; }
  mv "$result.new" "$result"
fi
# HashiCorp: use the root token to set up, then revoke it (vault operator generate-root makes another). A run
# that stopped after this finds the result kept, and its token already gone.
if ! vault token revoke -self >/dev/null 2>&1; then
  # Revoked already by the run that stopped after this is fine; a token that still works is not.
  if vault token lookup >/dev/null 2>&1; then echo "vault-init: the root token could not be revoked"; exit 1; fi
fi
unset VAULT_TOKEN
cat "$result" >&3
# The files stay until vault-init-cleanup, which runs once Pulumi has kept this output: a session lost
# after the print is finished by the next run, from them.
echo "vault-init: initialised; the root token is revoked"
