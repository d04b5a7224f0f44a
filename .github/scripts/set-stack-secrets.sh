#!/usr/bin/env bash
# CI: sets a stack's credentials from environment variables (repository secrets) for this run only, with
# `pulumi config set --secret`, reading each value from stdin so multi-line keys survive and nothing is echoed.
# The values land in the runner's copy of Pulumi.<stack>.yaml, encrypted, and are never committed.
# Usage: set-stack-secrets.sh <stack>   (docs/runbook.md lists the secrets)
set -euo pipefail
stack="$1"
cd "$(dirname "$0")/../.."

set_secret() {   # key, value
  if [ -z "$2" ]; then
    echo "::error::$1 has no value: set the repository secret named for it in docs/runbook.md" >&2
    exit 1
  fi
  printf '%s' "$2" | pulumi config set --secret --stack "$stack" "$1"
}

set_secret proxmoxve:apiToken "${PROXMOX_API_TOKEN:-}"
# The Tailscale API credentials are not stack configuration: the job's environment carries them
# (TAILSCALE_OAUTH_CLIENT_ID, TAILSCALE_OAUTH_CLIENT_SECRET) for the provider and the device prune alike.
set_secret tazlab:fluxGitToken "${FLUX_GIT_TOKEN:-}"

# Only the stack that owns the Vault VM creates it on Hetzner and SSHes to it.
if grep -qE '^\s*tazlab:vaultServer:\s*own\b' "Pulumi.$stack.yaml"; then
  set_secret hcloud:token "${HCLOUD_TOKEN:-}"
  set_secret tazlab:vaultSshPrivateKey "${VAULT_SSH_PRIVATE_KEY:-}"
fi

# A stack with a backup bucket uploads its snapshots with the storage's keys and encrypts them with the password.
if grep -qE '^\s*tazlab:backupBucket:\s*[^"[:space:]]' "Pulumi.$stack.yaml"; then
  set_secret tazlab:backupAccessKeyId "${BACKUP_ACCESS_KEY_ID:-}"
  set_secret tazlab:backupSecretAccessKey "${BACKUP_SECRET_ACCESS_KEY:-}"
  set_secret tazlab:backupPassword "${BACKUP_PASSWORD:-}"
fi
