#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster for the test suite.
#   postgres_cluster.sh start DIR PORT   -> initdb (trust, user cqpm) and start on 127.0.0.1:PORT
#   postgres_cluster.sh stop DIR
# PostgreSQL refuses to run as root, so as root the cluster runs as Debian's
# `postgres` user (see docs/lessons.md).
set -euo pipefail
action=${1:?start|stop}
dir=${2:?cluster directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    port=${3:?port}
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"; mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U cqpm -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # One role that must give its password (SCRAM), for the tests of passwords
    # with spaces, quotes and colons; every other role is trusted.
    hba="$dir/data/pg_hba.conf"
    { echo "host all cqpm_secret 127.0.0.1/32 scram-sha-256"; cat "$hba"; } >"$hba.new" && mv "$hba.new" "$hba"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$hba"; fi
    # No fsync: the cluster lives for one test run, and the crash tests kill
    # the server, never PostgreSQL; waiting for the disk only slowed the suite.
    as_owner "$bin/pg_ctl" -D "$dir/data" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      -l "$dir/server.log" -w start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    psql -q -h 127.0.0.1 -p "$port" -U cqpm -d postgres \
      -c "CREATE ROLE cqpm_secret LOGIN SUPERUSER PASSWORD 'mot de p''asse:\\x'" >/dev/null
    # pg_trgm (migration 0020) installed once, before the tests: in parallel,
    # their migrations' CREATE ... IF NOT EXISTS race on the catalogue. template1
    # passes it on to every database the tests create.
    for db in template1 postgres; do
      psql -q -h 127.0.0.1 -p "$port" -U cqpm -d "$db" \
        -c "CREATE SCHEMA cqpm_extensions" -c "CREATE EXTENSION pg_trgm SCHEMA cqpm_extensions" >/dev/null
    done
    echo "PostgreSQL test cluster on 127.0.0.1:$port"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
    rm -rf "$dir"
    ;;
  *) echo "unknown action $action" >&2; exit 2 ;;
esac
