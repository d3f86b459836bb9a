#!/usr/bin/env bash
# Creates TOTAL (default 100,000) contacts through POST /api/v1/contacts with wrk on loopback and reports contacts/s.
# Usage: bench/create_contacts.sh [DATABASE]   (default: a fresh SQLite file; pass a postgres:// URL for PostgreSQL)
source "$(dirname "$0")/lib.sh"
DB="${1:-$OUT/contacts.db}"
PORT="${PORT:-18081}"
TOTAL="${TOTAL:-100000}"
CONNECTIONS="${CONNECTIONS:-16}"
[ -x "$LORE" ] || build_release
case "$DB" in postgres*) ;; *) rm -f "$DB" "$DB"-* ;; esac
start_server "$DB" "$PORT"
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
TOKEN=$(api_token "$PORT" admin@bench.test bench-password-1)
count_contacts() {
    python3 - "$DB" <<'PY'
import sys, subprocess
db = sys.argv[1]
if db.startswith("postgres"):
    print(subprocess.run(["psql", db, "-tAc", "select count(*) from contacts"], capture_output=True, text=True).stdout.strip() or 0)
else:
    import sqlite3; print(sqlite3.connect(db).execute("select count(*) from contacts").fetchone()[0])
PY
}
# wrk runs until it is stopped; the clock stops when TOTAL contacts exist (polled from the database).
START=$(date +%s.%N)
TOKEN="$TOKEN" PER_THREAD=$((TOTAL / 2 + 1000)) wrk -t2 -c"$CONNECTIONS" -d600s --latency -s "$ROOT/bench/create_contacts.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-contacts.txt" &
WRK=$!
while [ "$(count_contacts)" -lt "$TOTAL" ]; do sleep 0.5; done
END=$(date +%s.%N)
kill -INT $WRK 2>/dev/null || true
wait $WRK 2>/dev/null || true
COUNT=$(count_contacts)
read -r RPS P50 P99 <<<"$(wrk_summary "$OUT/wrk-contacts.txt")"
python3 -c "print(f'created $TOTAL contacts in {$END-$START:.1f}s: {$TOTAL/($END-$START):.0f} contacts/s  (request p50 $P50 ms, p99 $P99 ms; $COUNT stored when wrk stopped)')"
echo "server RSS: $(rss_mb "$SERVER_PID")"
