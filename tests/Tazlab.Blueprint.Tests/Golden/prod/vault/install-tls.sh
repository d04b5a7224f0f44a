#!/bin/sh
# Written by tazlab. Run by the Pulumi program over the tailnet: installs Vault's TLS certificate, key and CA
# read from stdin (each after a line '# tazlab-tls <file>') and starts Vault, or reloads it after a renewal.
# Nothing secret is printed or passed as an argument; the files are staged in a private temporary folder
# (umask 077), removed however the script ends.
set -eu
umask 077
# The first run comes as soon as the VM has joined the tailnet, while cloud-init may still be installing Vault.
cloud-init status --wait >/dev/null 2>&1 || true
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
trap 'exit 1' HUP INT TERM
awk -v dir="$staging" 'index($0, "# tazlab-tls ") == 1 { name = substr($0, 14); file = ""; if (name == "tls.crt" || name == "tls.key" || name == "ca.crt") file = dir "/" name; next } file != "" { print > file }'
for name in tls.crt tls.key ca.crt; do
  if [ ! -s "$staging/$name" ]; then
    echo "vault-install-tls: stdin holds no $name" >&2
    exit 1
  fi
done
install -d -o vault -g vault -m 0750 /etc/vault.d/tls
install -o vault -g vault -m 0644 "$staging/tls.crt" /etc/vault.d/tls/tls.crt
install -o vault -g vault -m 0600 "$staging/tls.key" /etc/vault.d/tls/tls.key
install -o vault -g vault -m 0644 "$staging/ca.crt" /etc/vault.d/tls/ca.crt
if systemctl is-active --quiet vault; then
  systemctl reload vault
  echo "vault-install-tls: certificate replaced; Vault reloaded" >&2
else
  systemctl start vault
  echo "vault-install-tls: certificate installed; Vault started" >&2
fi
