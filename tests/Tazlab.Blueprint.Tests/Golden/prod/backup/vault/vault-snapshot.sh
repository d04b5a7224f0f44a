#!/bin/sh
# Written by tazlab. Run by tazlab-vault-backup.service: takes a raft snapshot of Vault with the backup
# credential, which can do nothing else, and hands it to snapshot-upload.sh. The snapshot lives in a private
# temporary folder only until it is uploaded.
set -eu
: "${VAULT_ADDR:=https://127.0.0.1:8200}"
: "${VAULT_CACERT:=/etc/vault.d/tls/ca.crt}"
: "${TAZLAB_BACKUP_CREDENTIALS:=/etc/tazlab/backup}"
: "${TAZLAB_BACKUP_LIBEXEC:=/usr/local/libexec/tazlab-backup}"
export VAULT_ADDR VAULT_CACERT
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
VAULT_TOKEN=$(vault write -field=token auth/approle/login role_id=@"$TAZLAB_BACKUP_CREDENTIALS/vault-role-id" secret_id=@"$TAZLAB_BACKUP_CREDENTIALS/vault-secret-id")
export VAULT_TOKEN
vault operator raft snapshot save "$work/vault.snap"
# The token would expire by itself; revoking it keeps no usable token behind.
vault token revoke -self >/dev/null 2>&1 || true
unset VAULT_TOKEN
"$TAZLAB_BACKUP_LIBEXEC/snapshot-upload.sh" vault "$work/vault.snap"
