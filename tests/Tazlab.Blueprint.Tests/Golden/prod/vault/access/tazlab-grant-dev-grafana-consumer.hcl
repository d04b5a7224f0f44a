# Written by tazlab. JWT role grafana-consumer reads its own KV folders: read on
# their KV v2 data paths, list on their metadata paths, nothing else.
path "secret/data/tazlab-dev/grafana/*" {
  capabilities = ["read"]
}

path "secret/metadata/tazlab-dev/grafana/*" {
  capabilities = ["list"]
}
