#!/usr/bin/env bash
# Where a search's time goes (issue 3): on an existing benchmark database (bench/kb_search.sh makes it), one
# connection, alternating passes without and with facets. Each pass prints wrk's q/s, p50 and p99, the server's CPU
# per request and the mean of each phase from /metrics (lore_kb_search_phase_seconds); first, as a baseline in the
# same run, an authenticated point read of one article and /health, and two title suggestions.
# Usage: bench/kb_phases.sh [DB]   Env: ARTICLES (default 1000000), PASSES (4), DURATION (10s), ARTICLE (123457).
source "$(dirname "$0")/lib.sh"
ARTICLES="${ARTICLES:-1000000}"
DB="${1:-$OUT/kb-$ARTICLES.db}"
PORT="${PORT:-18240}"
[ -f "$DB" ] || { echo "no $DB: run bench/kb_search.sh first" >&2; exit 1; }
[ -x "$LORE" ] || build_release
cat "$DB" >/dev/null  # the host may have dropped the page cache
start_server "$DB" "$PORT"
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
TOKEN=$(api_token "$PORT" admin@bench.test bench-password-1)
export TOKEN QUERY_FILE="$OUT/kb-queries.url"
EXTRA='' wrk -t1 -c1 -d4s -s "$ROOT/bench/kb_queries.lua" "http://127.0.0.1:$PORT" >/dev/null  # warm-up
# Title suggestions as a user types: a Latin prefix (FTS5 expands it to every word it starts) and a Chinese character.
for path in "/api/v1/articles/${ARTICLE:-123457}" /health "/api/v1/kb/suggest?q=rou" "/api/v1/kb/suggest?q=%E9%80%80"; do
    PATH_ONLY=$path wrk -t1 -c1 -d"${DURATION:-10s}" --latency -s "$ROOT/bench/fixed_path.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-phase.txt"
    echo "baseline $path: q/s p50 p99 = $(wrk_summary "$OUT/wrk-phase.txt")"
done
snap() { curl -s "http://127.0.0.1:$PORT/metrics" | grep '^lore_kb_search_phase_seconds_\(sum\|count\)'; }
cpu() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
for pass in $(seq 1 "${PASSES:-4}"); do
    mode=$([ $((pass % 2)) = 1 ] && echo "&facets=false" || echo "")
    snap >"$OUT/phase-before.txt"
    c0=$(cpu)
    EXTRA="$mode" wrk -t1 -c1 -d"${DURATION:-10s}" --latency -s "$ROOT/bench/kb_queries.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-phase.txt"
    c1=$(cpu)
    snap >"$OUT/phase-after.txt"
    n=$(grep -o "[0-9]* requests" "$OUT/wrk-phase.txt" | cut -d' ' -f1)
    phases=$(python3 - "$OUT/phase-before.txt" "$OUT/phase-after.txt" <<'PY'
import re, sys
def load(p):
    d = {}
    for line in open(p):
        m = re.match(r'lore_kb_search_phase_seconds_(sum|count)\{phase="(\w+)"\} ([\d.e+-]+)', line)
        if m: d[(m.group(2), m.group(1))] = float(m.group(3))
    return d
a, b = load(sys.argv[1]), load(sys.argv[2])
out = []
for ph in ["rank", "facets", "count", "page", "snippets"]:
    n = b.get((ph, "count"), 0) - a.get((ph, "count"), 0)
    if n: out.append(f"{ph} {1000 * (b[(ph, 'sum')] - a.get((ph, 'sum'), 0)) / n:.2f}")
print(" ".join(out))
PY
)
    echo "search${mode:- with facets}: q/s p50 p99 = $(wrk_summary "$OUT/wrk-phase.txt"), CPU/request $(python3 -c "print(round(($c1 - $c0) * 10 / $n, 2))") ms, phase means (ms): $phases"
done
