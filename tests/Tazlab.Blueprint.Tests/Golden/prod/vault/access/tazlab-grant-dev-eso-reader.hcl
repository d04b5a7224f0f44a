# Written by tazlab. External Secrets reads the platform's secrets:
# read on the KV v2 data path, list on its metadata path, nothing else.
path "secret/data/tazlab-dev/*" {
  capabilities = ["read"]
}

path "secret/metadata/tazlab-dev/*" {
  capabilities = ["list"]
}
