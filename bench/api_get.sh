#!/usr/bin/env bash
# Requests/s and p50/p99 of an authenticated GET /api/v1/accounts/{id}, as a ratio to a one-line "hello" route,
# both under wrk on loopback in the same run. Usage: bench/api_get.sh [DATABASE] (default: a fresh demo database).
# Target: ratio >= 0.5.
source "$(dirname "$0")/lib.sh"
DB="${1:-}"
PORT="${PORT:-18080}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-32}"
[ -x "$LORE" ] || build_release
if [ -z "$DB" ]; then
    DB="$OUT/api_get.db"
    rm -f "$DB" "$DB"-*
    "$LORE" demo --database "$DB" >/dev/null
fi
start_server "$DB" "$PORT"
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
TOKEN=$(api_token "$PORT" admin@lore.demo lore-demo-2026 2>/dev/null || api_token "$PORT" admin@bench.test bench-password-1)
ID=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/accounts?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')
curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/accounts/$ID" >/dev/null
# Warm up both routes, then measure each.
wrk -t2 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$PORT/bench/hello" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d3s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/accounts/$ID" >/dev/null
if [ -n "${MAX_ID:-}" ]; then
    # The baseline goes through the same wrk script, so the load generator (on the same cores) costs the same.
    TOKEN="" MAX_ID="$MAX_ID" PATH_PREFIX="/bench/hello?id=" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency \
        -s "$ROOT/bench/random_account.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-hello.txt"
else
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT/bench/hello" >"$OUT/wrk-hello.txt"
fi
if [ -n "${MAX_ID:-}" ]; then
    # Random ids over the whole table (set MAX_ID): every request touches different pages.
    TOKEN="$TOKEN" MAX_ID="$MAX_ID" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/random_account.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-account.txt"
    grep -q "Non-2xx" "$OUT/wrk-account.txt" && echo "warning: some requests failed: $(grep Non-2xx "$OUT/wrk-account.txt")"
else
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/accounts/$ID" >"$OUT/wrk-account.txt"
fi
read -r H_RPS H_P50 H_P99 <<<"$(wrk_summary "$OUT/wrk-hello.txt")"
read -r A_RPS A_P50 A_P99 <<<"$(wrk_summary "$OUT/wrk-account.txt")"
RSS=$(rss_mb "$SERVER_PID")
RATIO=$(python3 -c "print(f'{$A_RPS/$H_RPS:.2f}')")
echo "hello:            $H_RPS req/s  p50 ${H_P50} ms  p99 ${H_P99} ms"
echo "GET account/{id}${MAX_ID:+ (random of $MAX_ID)}: $A_RPS req/s  p50 ${A_P50} ms  p99 ${A_P99} ms"
echo "ratio account/hello: $RATIO (target >= 0.5)"
echo "server RSS after load: ${RSS}"
