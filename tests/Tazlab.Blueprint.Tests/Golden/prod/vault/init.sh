#!/bin/sh
# Written by tazlab. Run by the Pulumi program over the tailnet: initialises Vault once and prints the init result (unseal keys, root token) as JSON on stdout.
# The caller keeps stdout only as a Pulumi secret. An initialised Vault is left alone: nothing is printed.
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
set +e
vault operator init -status >/dev/null 2>&1
status=$?
set -e
# -status: 0 initialised, 2 not initialised, anything else an error.
case "$status" in
  0) echo "vault-init: $VAULT_ADDR is already initialised; nothing to do" >&2 ;;
  2) vault operator init -key-shares=5 -key-threshold=3 -format=json ;;
  *) echo "vault-init: cannot read the init status of $VAULT_ADDR" >&2; exit 1 ;;
esac
