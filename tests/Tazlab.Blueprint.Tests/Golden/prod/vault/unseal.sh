#!/bin/sh
# Written by tazlab. Run by the Pulumi program over the tailnet: unseals Vault with the keys read from stdin, one per line, until it reports unsealed.
# Keys are never printed; a Vault that is already unsealed is left alone.
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
while IFS= read -r key; do
  [ -n "$key" ] || continue
  set +e
  vault status >/dev/null 2>&1
  status=$?
  set -e
  # status: 0 unsealed, 2 sealed.
  [ "$status" -eq 2 ] || break
  # Through the HTTP API with the key on stdin (printf is a shell builtin): it never shows in a process list.
  printf '{"key":"%s"}' "$key" | curl -sS --fail --cacert "$VAULT_CACERT" -X PUT --data @- "$VAULT_ADDR/v1/sys/unseal" >/dev/null
done
vault status >/dev/null 2>&1 || { echo "vault-unseal: $VAULT_ADDR is still sealed" >&2; exit 1; }
echo "vault-unseal: $VAULT_ADDR is unsealed" >&2
