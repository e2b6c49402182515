#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests, on 127.0.0.1 only, with its data in a folder of its own.
#
#   eval "$(.ci/postgres.sh start DIR)"   install PostgreSQL 15 if missing, create DIR, start a server on a free
#                                         port, create a database; prints the exports the tests read
#                                         (PROCMEM_TEST_POSTGRES, PROCMEM_TEST_POSTGRES_RESTART)
#   .ci/postgres.sh restart DIR           restart it (fast shutdown: open connections are cut), same port
#   .ci/postgres.sh stop DIR              stop it and delete DIR
#
# initdb refuses to run as root, so as root the server runs as the `postgres` user the Debian package creates.
# Logins over TCP need the password (scram-sha-256), so tests can check what a wrong password does.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin

as_owner() {
  # Run from / so that a working directory the postgres user cannot read does not matter.
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi
}

install_postgres() {
  [ -x "$bin/initdb" ] && return 0
  echo "installing postgresql-15" >&2
  local log
  log=$(mktemp)
  # The package's own cluster and service are not used (without an init system they do not start); only the
  # binaries are. Checked on a fresh Debian 12 (debootstrap, no init): about a minute.
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "could not install postgresql-15" >&2
    exit 1
  fi
  rm -f "$log"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local dir=$1
  [ ! -e "$dir/data" ] || { echo "$dir already holds a server: stop it first (.ci/postgres.sh stop $dir)" >&2; exit 1; }
  install_postgres
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local password
  password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$password" >"$dir/pwfile"
  mkdir "$dir/data"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$dir"
  chmod 700 "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  # A free port: start from one derived from the process id, skip ports something already listens on, and try the
  # next if the server still cannot bind (another process may take it in between).
  local port=$((20000 + $$ % 20000)) tries=0
  while :; do
    if port_free "$port"; then
      cat >>"$dir/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
CONF
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null; then break; fi
    fi
    tries=$((tries + 1))
    [ "$tries" -lt 20 ] || { echo "no free port for PostgreSQL" >&2; cat "$dir/server.log" >&2 2>/dev/null; exit 1; }
    port=$((port + 1))
  done
  PGPASSWORD=$password as_owner "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE procmem_ci" >&2
  local self
  self=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
  printf 'export PROCMEM_TEST_POSTGRES=%q\n' "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=procmem_ci"
  printf 'export PROCMEM_TEST_POSTGRES_RESTART=%q\n' "bash $self restart $dir"
}

restart() { as_owner "$bin/pg_ctl" -D "$1/data" -l "$1/server.log" -m fast -w -t 60 restart >/dev/null; }

stop() {
  local dir=$1
  [ -d "$dir" ] || return 0
  [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start | restart | stop) [ $# -eq 2 ] || { echo "usage: $0 start|restart|stop DIR" >&2; exit 2; }; "$1" "$2" ;;
  *) echo "usage: $0 start|restart|stop DIR" >&2; exit 2 ;;
esac
