#!/bin/sh
# Written by tazlab. Run by the Pulumi program over SSH on the tailnet whenever the backup's configuration, scripts
# or credentials change: installs restic, the backup scripts and tazlab-vault-backup.timer, and writes the
# credentials it reads on stdin, one per line (vault role id, vault secret id, access key id, secret access key, repository password),
# to root-only files. Nothing secret is in this script or its arguments.
set -eu
umask 077
IFS= read -r line0 || { echo "install-backup: stdin ends before the vault role id" >&2; exit 1; }
[ -n "$line0" ] || { echo "install-backup: the vault role id on stdin is empty" >&2; exit 1; }
IFS= read -r line1 || { echo "install-backup: stdin ends before the vault secret id" >&2; exit 1; }
[ -n "$line1" ] || { echo "install-backup: the vault secret id on stdin is empty" >&2; exit 1; }
IFS= read -r line2 || { echo "install-backup: stdin ends before the access key id" >&2; exit 1; }
[ -n "$line2" ] || { echo "install-backup: the access key id on stdin is empty" >&2; exit 1; }
IFS= read -r line3 || { echo "install-backup: stdin ends before the secret access key" >&2; exit 1; }
[ -n "$line3" ] || { echo "install-backup: the secret access key on stdin is empty" >&2; exit 1; }
IFS= read -r line4 || { echo "install-backup: stdin ends before the repository password" >&2; exit 1; }
[ -n "$line4" ] || { echo "install-backup: the repository password on stdin is empty" >&2; exit 1; }
# The storage's keys go into a systemd environment file: they must be one plain word each.
for key in "$line2" "$line3"; do
  case "$key" in *[!A-Za-z0-9/+=_.-]*) echo "install-backup: the storage's keys must be letters, digits and / + = _ . -" >&2; exit 1 ;; esac
done
if ! command -v restic >/dev/null 2>&1; then
  # The package lists may be older than the mirror: refresh them once if the install fails.
  env DEBIAN_FRONTEND=noninteractive apt-get install -y restic || { apt-get update && env DEBIAN_FRONTEND=noninteractive apt-get install -y restic; }
fi
install -d -m 0700 /etc/tazlab/backup
printf '%s' "$line0" > /etc/tazlab/backup/vault-role-id
printf '%s' "$line1" > /etc/tazlab/backup/vault-secret-id
printf '%s' "$line4" > /etc/tazlab/backup/restic-password
cat > /etc/tazlab/backup/vault.env.partial <<EOF
RESTIC_REPOSITORY=s3:https://fsn1.your-objectstorage.com/tazlab-backups/prod/vault
RESTIC_PASSWORD_FILE=/etc/tazlab/backup/restic-password
AWS_ACCESS_KEY_ID=$line2
AWS_SECRET_ACCESS_KEY=$line3
AWS_DEFAULT_REGION=fsn1
EOF
mv /etc/tazlab/backup/vault.env.partial /etc/tazlab/backup/vault.env
umask 022
install -d -m 0755 /usr/local/libexec/tazlab-backup
cat > /usr/local/libexec/tazlab-backup/snapshot-upload.sh.partial <<'TAZLAB_BACKUP_FILE'
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
TAZLAB_BACKUP_FILE
chmod 0755 /usr/local/libexec/tazlab-backup/snapshot-upload.sh.partial
mv /usr/local/libexec/tazlab-backup/snapshot-upload.sh.partial /usr/local/libexec/tazlab-backup/snapshot-upload.sh
cat > /usr/local/libexec/tazlab-backup/restore-download.sh.partial <<'TAZLAB_BACKUP_FILE'
#!/bin/sh
# Written by tazlab. Gets one snapshot back out of its store's restic repository (decrypted, and checked
# against its recorded hashes by restic) into a new file.
# Usage: restore-download.sh <store> <output file> [snapshot id; default: the latest]
# Environment: as snapshot-upload.sh.
set -eu
store="$1"
out="$2"
snapshot="${3:-latest}"
if [ -e "$out" ]; then
  echo "restore $store: $out exists; refusing to overwrite it" >&2
  exit 2
fi
trap 'rm -f "$out.partial"' EXIT
restic dump --host tazlab --tag "$store" "$snapshot" "/$store.snap" > "$out.partial"
if [ ! -s "$out.partial" ]; then
  echo "restore $store: snapshot $snapshot is empty" >&2
  exit 1
fi
mv "$out.partial" "$out"
echo "restore $store: snapshot $snapshot written to $out ($(wc -c < "$out" | tr -d ' ') bytes)" >&2
TAZLAB_BACKUP_FILE
chmod 0755 /usr/local/libexec/tazlab-backup/restore-download.sh.partial
mv /usr/local/libexec/tazlab-backup/restore-download.sh.partial /usr/local/libexec/tazlab-backup/restore-download.sh
cat > /usr/local/libexec/tazlab-backup/vault-snapshot.sh.partial <<'TAZLAB_BACKUP_FILE'
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
TAZLAB_BACKUP_FILE
chmod 0755 /usr/local/libexec/tazlab-backup/vault-snapshot.sh.partial
mv /usr/local/libexec/tazlab-backup/vault-snapshot.sh.partial /usr/local/libexec/tazlab-backup/vault-snapshot.sh
cat > /etc/systemd/system/tazlab-vault-backup.service.partial <<'TAZLAB_BACKUP_FILE'
# Written by tazlab: one Vault backup - a raft snapshot with the backup credential, encrypted and uploaded by restic.

[Unit]
Description=tazlab: Vault raft snapshot to off-site storage
Wants=network-online.target
After=network-online.target vault.service

[Service]
# A failed run leaves the unit failed: systemctl --failed and the status file show it.
Type=oneshot
EnvironmentFile=/etc/tazlab/backup/vault.env
Environment=TAZLAB_BACKUP_STATUS_FILE=/var/lib/tazlab-backup/vault.json
Environment=RESTIC_CACHE_DIR=/var/cache/tazlab-backup
ExecStart=/usr/local/libexec/tazlab-backup/vault-snapshot.sh
StateDirectory=tazlab-backup
CacheDirectory=tazlab-backup
# The unencrypted snapshot lives only in the unit's own /tmp, until it is uploaded.
PrivateTmp=yes
ProtectSystem=strict
ProtectHome=yes
NoNewPrivileges=yes
TimeoutStartSec=1h
TAZLAB_BACKUP_FILE
chmod 0644 /etc/systemd/system/tazlab-vault-backup.service.partial
mv /etc/systemd/system/tazlab-vault-backup.service.partial /etc/systemd/system/tazlab-vault-backup.service
cat > /etc/systemd/system/tazlab-vault-backup.timer.partial <<'TAZLAB_BACKUP_FILE'
# Written by tazlab: Vault backups on tazlab:backupSchedule (UTC).

[Unit]
Description=tazlab: Vault backups

[Timer]
OnCalendar=*-*-* 03:00:00 UTC
# A run missed while the VM was off happens at the next boot.
Persistent=true

[Install]
WantedBy=timers.target
TAZLAB_BACKUP_FILE
chmod 0644 /etc/systemd/system/tazlab-vault-backup.timer.partial
mv /etc/systemd/system/tazlab-vault-backup.timer.partial /etc/systemd/system/tazlab-vault-backup.timer
systemctl daemon-reload
systemctl enable --now tazlab-vault-backup.timer
echo "install-backup: tazlab-vault-backup.timer is enabled; next run: $(systemctl show -P NextElapseUSecRealtime tazlab-vault-backup.timer)" >&2
