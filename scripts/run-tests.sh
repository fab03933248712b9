#!/usr/bin/env bash
# Runs the server's unit and integration tests with node's test runner.
#   run-tests.sh        on the embedded SQLite database
#   run-tests.sh --pg   the same suite on PostgreSQL: SIAGA_TEST_DATABASE_URL names a server and a
#                       database to connect to; the run creates its own database there and drops it
set -euo pipefail
shopt -s globstar nullglob
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/server"
if [[ "${1:-}" == "--pg" ]]; then
  if [[ -z "${SIAGA_TEST_DATABASE_URL:-}" ]]; then
    echo "SIAGA_TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:54329/postgres)" >&2
    exit 2
  fi
  base="$SIAGA_TEST_DATABASE_URL"
  name="siaga_test_$(date +%s)_$$"
  SIAGA_TEST_DATABASE_URL="$(node "$root/scripts/pg-test-db.mjs" create "$base" "$name")"
  export SIAGA_TEST_DATABASE_URL
  trap 'node "$root/scripts/pg-test-db.mjs" drop "$base" "$name"' EXIT
else
  unset SIAGA_TEST_DATABASE_URL
fi
files=(src/**/*.test.ts test/**/*.test.ts)
if [[ ${#files[@]} -eq 0 ]]; then echo "no test files found" >&2; exit 1; fi
node --import tsx --test --test-reporter=spec "${files[@]}"
