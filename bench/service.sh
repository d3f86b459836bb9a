#!/usr/bin/env bash
# Service-desk benchmarks (issue 4), release build, SQLite:
#  1. routing: CASES (default 100,000) generated labelled cases; cross-validated accuracy and training time;
#  2. case creation through POST /api/v1/cases with routing on (no department given), as a ratio to the same
#     requests with a department given (routing off), in the same run;
#  3. suggestion latency (GET /api/v1/cases/{id}/suggestions) on the 1,000,000-article database of
#     bench/kb_search.sh with SUGGEST_CASES (default 1,000,000) solved cases added.
# Usage: bench/service.sh   Env: CASES, TOPIC_SHARE, DURATION, SUGGEST_CASES, SKIP_ROUTING=1, SKIP_SUGGEST=1
source "$(dirname "$0")/lib.sh"
CASES="${CASES:-100000}"
TOPIC_SHARE="${TOPIC_SHARE:-0.1}"
DURATION="${DURATION:-20s}"
SUGGEST_CASES="${SUGGEST_CASES:-1000000}"
PORT="${PORT:-18091}"
[ -x "$LORE" ] || build_release
DB="$OUT/svc-$CASES.db"
if [ "${SKIP_ROUTING:-0}" != 1 ]; then
rm -f "$DB" "$DB"-*
"$LORE" service generate --database "$DB" --cases "$CASES" --topic-share "$TOPIC_SHARE" | tail -n 1
LORE_PASSWORD=bench-password-1 "$LORE" user add --database "$DB" --email admin@bench.test --name Bench --role admin >/dev/null
/usr/bin/time -f "evaluation: %e s wall, max RSS %M KB" "$LORE" service routing-evaluation --database "$DB" 2>&1

start_server "$DB" "$PORT"
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
TOKEN=$(api_token "$PORT" admin@bench.test bench-password-1)
export TOKEN
sleep 30  # the server trains the routing model from the stored cases as it starts
DEPT=$(sqlite3 "$DB" "SELECT id FROM departments ORDER BY id LIMIT 1")
for mode in routed manual; do
    [ "$mode" = manual ] && export DEPARTMENT="$DEPT" || export DEPARTMENT=""
    wrk -t2 -c8 -d"$DURATION" --latency -s "$ROOT/bench/create_cases.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-cases-$mode.txt"
    grep -q "Non-2xx" "$OUT/wrk-cases-$mode.txt" && echo "warning: failed requests: $(grep Non-2xx "$OUT/wrk-cases-$mode.txt")"
done
read -r R_RPS R_P50 R_P99 <<<"$(wrk_summary "$OUT/wrk-cases-routed.txt")"
read -r M_RPS M_P50 M_P99 <<<"$(wrk_summary "$OUT/wrk-cases-manual.txt")"
echo "POST /api/v1/cases, routed by the model: $R_RPS cases/s, p50 $R_P50 ms, p99 $R_P99 ms (8 connections)"
echo "POST /api/v1/cases, department given:    $M_RPS cases/s, p50 $M_P50 ms, p99 $M_P99 ms"
python3 -c "print(f'ratio routed / department given: {$R_RPS/$M_RPS:.2f}')"
echo "server RSS after load: $(rss_mb "$SERVER_PID")"
kill $SERVER_PID 2>/dev/null || true
wait $SERVER_PID 2>/dev/null || true
fi

[ "${SKIP_SUGGEST:-0}" = 1 ] && exit 0
BIG="$OUT/kb-1000000.db"
[ -f "$BIG" ] || ARTICLES=1000000 BM25S=0 "$ROOT/bench/kb_search.sh" >/dev/null
HAVE=$(sqlite3 "$BIG" "SELECT count(*) FROM cases" 2>/dev/null || echo 0)
if [ "$HAVE" -lt "$SUGGEST_CASES" ]; then
    "$LORE" service generate --database "$BIG" --cases "$SUGGEST_CASES" --topic-share "$TOPIC_SHARE" | tail -n 1
    /usr/bin/time -f "solved-case index: %e s, max RSS %M KB" "$LORE" service reindex --database "$BIG" 2>&1 | tail -n 2
fi
start_server "$BIG" "$PORT"
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
TOKEN=$(api_token "$PORT" admin@bench.test bench-password-1)
export TOKEN MAX_ID=$(sqlite3 "$BIG" "SELECT max(id) FROM cases")
[ -n "$TOKEN" ] || { echo "could not create an API token; see $OUT/server-$PORT.log" >&2; exit 1; }
wrk -t1 -c1 -d5s -s "$ROOT/bench/case_suggestions.lua" "http://127.0.0.1:$PORT" >/dev/null  # warm-up
wrk -t1 -c1 -d"$DURATION" --latency -s "$ROOT/bench/case_suggestions.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-suggest.txt"
wrk -t2 -c8 -d"$DURATION" --latency -s "$ROOT/bench/case_suggestions.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-suggest-8.txt"
grep -q "Non-2xx" "$OUT/wrk-suggest.txt" && echo "warning: failed requests: $(grep Non-2xx "$OUT/wrk-suggest.txt")"
read -r _ S_P50 S_P99 <<<"$(wrk_summary "$OUT/wrk-suggest.txt")"
read -r S_RPS _ _ <<<"$(wrk_summary "$OUT/wrk-suggest-8.txt")"
echo "GET /api/v1/cases/{id}/suggestions (1M articles, $SUGGEST_CASES cases): p50 $S_P50 ms, p99 $S_P99 ms (1 connection); $S_RPS req/s (8 connections)"
echo "server RSS after load: $(rss_mb "$SERVER_PID")"
