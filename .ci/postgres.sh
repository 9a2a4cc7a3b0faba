#!/usr/bin/env bash
# Start a throw-away PostgreSQL for the relay tests, or stop it.
#   eval "$(.ci/postgres.sh start)"   # exports HAVEN_TEST_POSTGRES_URL and HAVEN_PG_DIR
#   .ci/postgres.sh stop "$HAVEN_PG_DIR"
# The server runs as an unprivileged user, in a temporary folder, on a free port of
# 127.0.0.1 only, with fsync on (the relay's durability promise is what is tested).
set -euo pipefail

find_bin() {
    local name=$1 dir
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/$name" ]; then echo "$dir/$name"; return; fi
    done
    return 1
}

as_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    if ! find_bin initdb >/dev/null; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            apt-get install -y -qq postgresql >/dev/null 2>&1 || apt-get update -qq >/dev/null 2>&1
            apt-get install -y -qq postgresql >/dev/null 2>&1 || true
        fi
    fi
    INITDB=$(find_bin initdb) || { echo "echo 'PostgreSQL is not installed' >&2"; exit 0; }
    PG_CTL=$(find_bin pg_ctl)
    PG_USER=$(id -un)
    if [ "$(id -u)" = 0 ]; then
        PG_USER=postgres
        getent passwd "$PG_USER" >/dev/null || useradd --system --no-create-home "$PG_USER"
    fi
    dir=$(mktemp -d /tmp/haven-pg.XXXXXX)
    chown "$PG_USER" "$dir" 2>/dev/null || true
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_user "$INITDB" -D "$dir/data" -U haven --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
    as_user "$PG_CTL" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c shared_buffers=64MB" \
        start >/dev/null
    echo "export HAVEN_TEST_POSTGRES_URL=postgresql://haven@127.0.0.1:$port/postgres"
    echo "export HAVEN_PG_DIR=$dir"
    ;;
stop)
    dir=${2:?the folder printed by start}
    PG_CTL=$(find_bin pg_ctl)
    PG_USER=$(stat -c %U "$dir")
    as_user "$PG_CTL" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
