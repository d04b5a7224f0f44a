# Written by tazlab. The Vault VM's backup credential: it takes raft snapshots and can do nothing else;
# it logs in from the VM itself only (127.0.0.1).
path "sys/storage/raft/snapshot" {
  capabilities = ["read"]
}
