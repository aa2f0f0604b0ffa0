#!/usr/bin/env bash
# Sets up and starts the demo portal: frontend on http://localhost:3000,
# backend on http://localhost:7007, embedded SQLite, demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
yarn install --immutable
exec yarn start
