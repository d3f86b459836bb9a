#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1 for tests and prints its URL on the last line.
# Usage: scripts/start-postgres.sh [PORT] [DATA_DIR]
set -euo pipefail
PORT="${1:-54329}"
DATA="${2:-/tmp/lore-pg-$PORT}"
BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$BIN/initdb" ]; then
    echo "installing PostgreSQL from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi
if [ -f "$DATA/postmaster.pid" ] && su postgres -c "$BIN/pg_ctl -D $DATA status" >/dev/null 2>&1; then
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    exit 0
fi
rm -rf "$DATA"
mkdir -p "$DATA"
chown postgres "$DATA"
su postgres -c "$BIN/initdb -D $DATA -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8" >/dev/null
su postgres -c "$BIN/pg_ctl -D $DATA -l $DATA/server.log -w -o '-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300' start" >/dev/null
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
