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
