#!/usr/bin/env bash
# Sets up and runs every test: type check, lint, formatting, unit and
# integration tests of every package (store tests on SQLite and PostgreSQL),
# and the end-to-end test in Chromium against the demo portal.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
yarn install --immutable
bash scripts/ensure-services.sh

export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres:postgres@127.0.0.1:5432}"
reports="$(pwd)/node_modules/.cache/test-reports"
rm -rf "$reports" && mkdir -p "$reports"

echo "== type check" && yarn tsc
echo "== lint" && yarn lint:all
echo "== formatting" && yarn prettier:check
echo "== unit and integration tests"
CI=true yarn test --json --outputFile="$reports/jest.json"
echo "== end-to-end tests"
CI=true PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" yarn test:e2e

node scripts/test-summary.js "$reports/jest.json" "$reports/e2e.json"
