#!/usr/bin/env bash
# Runs the server's unit and integration tests with node's test runner.
#   run-tests.sh        on the embedded SQLite database
#   run-tests.sh --pg   the same suite on PostgreSQL (needs SIAGA_TEST_DATABASE_URL)
set -euo pipefail
shopt -s globstar nullglob
cd "$(dirname "$0")/../server"
if [[ "${1:-}" == "--pg" ]]; then
  if [[ -z "${SIAGA_TEST_DATABASE_URL:-}" ]]; then
    echo "SIAGA_TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:54329/postgres)" >&2
    exit 2
  fi
else
  unset SIAGA_TEST_DATABASE_URL
fi
files=(src/**/*.test.ts test/**/*.test.ts)
if [[ ${#files[@]} -eq 0 ]]; then echo "no test files found" >&2; exit 1; fi
exec node --import tsx --test --test-reporter=spec "${files[@]}"
