# Shared helpers for the benchmark scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# LORE_BIN=PATH runs another build (to compare two in one session).
LORE="${LORE_BIN:-$ROOT/.build/release/lore}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
# The load generator and the sqlite3 shell come from Debian.
for tool in wrk sqlite3; do
    command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null; }
done

build_release() {
    (cd "$ROOT" && swift build -c release --product lore >/dev/null)
}

# start_server DATABASE PORT — starts `lore serve` (release) in the background; sets SERVER_PID.
start_server() {
    "$LORE" serve --database "$1" --port "$2" --admin-email admin@bench.test --admin-password bench-password-1 \
        --log-level error --benchmark-routes >"$OUT/server-$2.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 300); do
        curl -sf "http://127.0.0.1:$2/health" >/dev/null 2>&1 && { wait_idle "$SERVER_PID"; return 0; }
        sleep 0.2
    done
    echo "server did not start; see $OUT/server-$2.log" >&2
    return 1
}

# wait_idle PID — waits until a process has used under 5 % of a core for a second: `lore serve` trains the case
# routing model in the background at start-up (minutes on a million cases), which must not share the measurement.
wait_idle() {
    local before after
    after=$(awk '{print $14 + $15}' "/proc/$1/stat")
    for _ in $(seq 1 1800); do
        sleep 1
        before=$after
        after=$(awk '{print $14 + $15}' "/proc/$1/stat")
        [ $((after - before)) -lt 5 ] && return 0
    done
}

# api_token PORT EMAIL PASSWORD — signs in through the login form and creates an API token; prints it.
api_token() {
    local base="http://127.0.0.1:$1" jar
    jar="$(mktemp)"
    local csrf
    csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=$2" --data-urlencode "password=$3" "$base/login"
    csrf=$(curl -s -b "$jar" "$base/settings" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -s -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$base/api/v1/tokens" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
    rm -f "$jar"
}

# rss_mb PID — resident memory of a process in MB, and of it the anonymous part (the process's own memory; the rest
# is file pages, e.g. SQLite readers' maps of the database, shared with the OS page cache and counted once per map).
rss_mb() { awk '/VmRSS/ {r = $2} /RssAnon/ {a = $2} END {printf "%.1f MB (anonymous %.1f MB)", r/1024, a/1024}' "/proc/$1/status"; }

# wrk_summary FILE — "req/s p50 p99" from `wrk --latency` output (latencies in ms).
wrk_summary() {
    python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(v):
    n, u = float(re.match(r"([\d.]+)", v).group(1)), re.sub(r"[\d.]", "", v)
    return n * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[u]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", t, re.M).group(1)); p99 = ms(re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1))
print(f"{rps:.0f} {p50:.3f} {p99:.3f}")
PY
}
