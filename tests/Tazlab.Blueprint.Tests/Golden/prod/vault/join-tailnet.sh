#!/bin/sh
# Written by tazlab. Run by the Pulumi program over SSH on the VM's public address (from tazlab:vaultSshSources),
# once per server: joins the tailnet with the auth key read from stdin. The key goes to a root-only 0600 file
# that tailscale up reads, never to an argument or the environment, and the file is removed however this ends.
set -eu
umask 077
# The first run comes as soon as SSH answers, while cloud-init may still be installing Tailscale.
cloud-init status --wait >/dev/null 2>&1 || true
install -d -o root -g root -m 0700 /etc/tazlab
key=/etc/tazlab/tailscale-auth-key
trap 'rm -f "$key"' EXIT
trap 'exit 1' HUP INT TERM
cat > "$key"
if [ ! -s "$key" ]; then
  echo "vault-join: stdin holds no auth key" >&2
  exit 1
fi
if tailscale status --json 2>/dev/null | grep -q '"BackendState": *"Running"'; then
  echo "vault-join: lushycorp-vault is already on the tailnet; the new key stays unused" >&2
  exit 0
fi
tailscale up --auth-key="file:$key" --hostname=lushycorp-vault --advertise-tags=tag:tazlab-vault,tag:vault-api
echo "vault-join: lushycorp-vault joined the tailnet" >&2
