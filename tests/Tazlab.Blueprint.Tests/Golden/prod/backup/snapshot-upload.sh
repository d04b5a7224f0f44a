#!/bin/sh
# Written by tazlab. Puts one snapshot into its store's restic repository - restic encrypts it with the
# repository's password before it leaves this machine - then applies the retention (tazlab:backupKeep*).
# Usage: snapshot-upload.sh <store> <snapshot file>
# Environment: RESTIC_REPOSITORY, RESTIC_PASSWORD_FILE or RESTIC_PASSWORD, AWS_ACCESS_KEY_ID,
# AWS_SECRET_ACCESS_KEY (AWS_DEFAULT_REGION); TAZLAB_BACKUP_STATUS_FILE, if set, receives the result.
set -eu
store="$1"
snapshot="$2"
if [ ! -s "$snapshot" ]; then
  echo "backup $store: no snapshot at $snapshot" >&2
  exit 1
fi
# The first backup creates the repository. One that exists but cannot be read (a wrong password) fails the init too.
if ! restic cat config >/dev/null 2>&1; then
  echo "backup $store: no repository at $RESTIC_REPOSITORY yet: creating it" >&2
  restic init >&2
fi
result=$(mktemp)
trap 'rm -f "$result"' EXIT
restic backup --json --host tazlab --tag "$store" --stdin --stdin-filename "$store.snap" < "$snapshot" > "$result"
summary=$(grep '"message_type":"summary"' "$result" | tail -n 1)
if [ -z "$summary" ]; then
  echo "backup $store: restic reported no summary" >&2
  exit 1
fi
restic forget --host tazlab --tag "$store" --group-by host,tags --keep-daily 7 --keep-weekly 4 --keep-monthly 6 --prune >&2
if [ -n "${TAZLAB_BACKUP_STATUS_FILE:-}" ]; then
  printf '{"store":"%s","finishedAt":"%s","summary":%s}\n' "$store" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$summary" > "$TAZLAB_BACKUP_STATUS_FILE.partial"
  mv "$TAZLAB_BACKUP_STATUS_FILE.partial" "$TAZLAB_BACKUP_STATUS_FILE"
fi
echo "backup $store: done" >&2
