#!/usr/bin/env bash
# A throwaway PostgreSQL database for the tests, from Debian's packages: installs the server if
# it is missing, starts the cluster on 127.0.0.1 and (re)creates a role and database owned by it.
# Prints the connection URL to use as TEST_DATABASE_URL. Needs root (CI runs as root).
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
pg_ctlcluster "$version" main start >&2 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null
for _ in $(seq 1 60); do
  su postgres -c "pg_isready -q -h 127.0.0.1" && break
  sleep 1
done
# The role may create databases: each test file that empties its database works in one of its own
# (beibei_test_contract, …), so files running side by side do not pull each other's tables away.
for db in $(su postgres -c "psql -Atq -c \"SELECT datname FROM pg_database WHERE datname LIKE 'beibei_test%'\""); do
  su postgres -c "psql -q -v ON_ERROR_STOP=1" >&2 <<SQL
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$db' AND pid <> pg_backend_pid();
DROP DATABASE IF EXISTS "$db";
SQL
done
su postgres -c "psql -q -v ON_ERROR_STOP=1" >&2 <<'SQL'
DROP ROLE IF EXISTS beibei_test;
CREATE ROLE beibei_test LOGIN CREATEDB PASSWORD 'beibei_test';
CREATE DATABASE beibei_test OWNER beibei_test;
SQL
echo "postgres://beibei_test:beibei_test@127.0.0.1:5432/beibei_test"
