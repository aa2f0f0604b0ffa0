#!/usr/bin/env bash
# The scale benchmark of the Readiness backend (see bench/README.md).
#   bash bench/run.sh [--entities 1000,10000] [--db pg,sqlite] [--days 30]
#                     [--tech-insights pg] [--requests 400] [--out file.json]
cd "$(dirname "$0")/.."
source scripts/toolchain.sh >&2
set +e
if [ ! -d bench/tech-insights/node_modules ]; then
  echo "bench: installing the Tech Insights bench backend (npm ci in bench/tech-insights)" >&2
  (cd bench/tech-insights && npm ci --no-audit --no-fund --loglevel=error) || exit 1
fi
exec node --require @backstage/cli-node/config/nodeTransform.cjs bench/run.js "$@"
