#!/bin/sh
# Written by tazlab. Run by the Pulumi program over the tailnet once vault-init's output is in the state:
# removes the copy of the init result the init kept on the VM.
set -eu
state_dir=${TAZLAB_STATE_DIR:-/var/lib/tazlab}
rm -f "$state_dir/vault-init.json" "$state_dir/vault-init.json.new" "$state_dir/vault-init-result.json" "$state_dir/vault-init-result.json.new" "$state_dir/role-id.json" "$state_dir/secret-id.json"
echo "vault-init-cleanup: the init result is only in the Pulumi state now" >&2
