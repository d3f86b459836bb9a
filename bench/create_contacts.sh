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
START=$(date +%s.%N)
TOKEN="$TOKEN" PER_THREAD=$((TOTAL / 2)) wrk -t2 -c"$CONNECTIONS" -d600s --latency -s "$ROOT/bench/create_contacts.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-contacts.txt"
END=$(date +%s.%N)
COUNT=$(curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && "$LORE" user list --database "$DB" >/dev/null; python3 - "$DB" <<'PY'
import sys, subprocess
db = sys.argv[1]
if db.startswith("postgres"):
    print(subprocess.run(["psql", db, "-tAc", "select count(*) from contacts"], capture_output=True, text=True).stdout.strip())
else:
    import sqlite3; print(sqlite3.connect(db).execute("select count(*) from contacts").fetchone()[0])
PY
)
read -r RPS P50 P99 <<<"$(wrk_summary "$OUT/wrk-contacts.txt")"
python3 -c "print(f'created $COUNT contacts in {$END-$START:.1f}s: {$COUNT/($END-$START):.0f} contacts/s  (p50 $P50 ms, p99 $P99 ms)')"
echo "server RSS: $(rss_mb "$SERVER_PID") MB"
