#!/usr/bin/env bash
# Mixed load at a fixed rate (bench/mixed_load.py: record reads, lists, knowledge-base searches, case queues and writes)
# against `lore serve` (release) on the demo company, on SQLite and on PostgreSQL, with RSS before and after.
# The baseline in the same run is the one-line benchmark route at the same rate: what the machine, the generator and
# HTTP cost before Lore does any work.
# Usage: bench/mixed_load.sh [RATE] [SECONDS]    (default 1000 requests per second for 30 s)
#        ENGINES="sqlite postgres" PG_ADMIN_URL=postgres://… to choose (default both; PostgreSQL from
#        scripts/start-postgres.sh)
source "$(dirname "$0")/lib.sh"
RATE="${1:-1000}"
SECONDS_EACH="${2:-30}"
[ -x "$LORE" ] || build_release

run_engine() {
    local engine="$1" db="$2" port="$3"
    start_server "$db" "$port"
    local token
    token=$("$LORE" user token admin@lore.demo --database "$db" --name bench)
    echo "== $engine: baseline (GET /bench/hello at $RATE/s) =="
    python3 "$ROOT/bench/mixed_load.py" --baseline --port "$port" --rate "$RATE" --duration 10
    echo "== $engine: mixed load at $RATE/s for $SECONDS_EACH s =="
    python3 "$ROOT/bench/mixed_load.py" --port "$port" --token "$token" --rate "$RATE" --duration "$SECONDS_EACH" --pid "$SERVER_PID" |
        tee "$OUT/mixed-$engine.json"
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
}

for engine in ${ENGINES:-sqlite postgres}; do
    case "$engine" in
    sqlite)
        rm -f "$OUT/mixed.db"*
        "$LORE" demo --database "$OUT/mixed.db" >/dev/null
        run_engine sqlite "$OUT/mixed.db" 18091
        ;;
    postgres)
        admin="${PG_ADMIN_URL:-$("$ROOT/scripts/start-postgres.sh" 54329 | tail -n 1)}"
        psql "$admin" -q -c "DROP DATABASE IF EXISTS lore_mixed" -c "CREATE DATABASE lore_mixed"
        "$LORE" demo --database "${admin%/*}/lore_mixed" >/dev/null
        run_engine postgres "${admin%/*}/lore_mixed" 18092
        ;;
    esac
done
