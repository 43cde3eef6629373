#!/usr/bin/env bash
# Start the local PostgreSQL cluster if it is not running, and make sure the test database exists.
# Prints the URL the tests use (VEILLE_TEST_PG_URL overrides it).
set -euo pipefail
URL=${VEILLE_TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/veille_test}
if ! command -v pg_isready >/dev/null 2>&1; then
  echo "start-postgres: PostgreSQL client tools are not installed" >&2
  exit 1
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "start-postgres: server did not start" >&2; exit 1; }
if [ -z "${VEILLE_TEST_PG_URL:-}" ]; then
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='veille_test'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE veille_test" >/dev/null
fi
echo "$URL"
