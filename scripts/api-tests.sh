#!/usr/bin/env bash
# Tests the JSON API from outside, with data and tools no one on the team wrote, against a server on a fresh SQLite
# demo database:
#   1. real e-mails (CPython's e-mail test corpus) through the intake, compared with Python's own reading of them;
#   2. schemathesis (an independent property-based fuzzer from PyPI) over Lore's OpenAPI document: every operation,
#      all checks, as an administrator and as a portal customer.
# Fails on any mismatch or failure, if the server stopped, or if it logged an error.
# Usage: scripts/api-tests.sh [LORE_BINARY]   (LORE_FUZZ_SECONDS: the administrator's time budget, default 150; the
# customer gets 60 % of it and the credential operations 15 s each: about five minutes in all)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-.build/debug/lore}"
BUDGET="${LORE_FUZZ_SECONDS:-150}"
PORT="${LORE_FUZZ_PORT:-18181}"
command -v st >/dev/null || { echo "schemathesis is missing: run scripts/install-test-tools.sh" >&2; exit 1; }

work="$(mktemp -d /tmp/lore-api-tests.XXXXXX)"
db="$work/api-tests.db"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

"$BIN" demo --database "$db" --accounts 40 --interactions 200 --order-lines 400 >/dev/null
"$BIN" serve --database "$db" --port "$PORT" --log-level warning >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.2
done

# Operations that can take the fuzzer's own credentials away (revoke its token, deactivate or demote its user) run
# last, in a short run of their own, so they cannot turn the main run into a stream of 401s.
credentials=(--include-name "DELETE /api/v1/tokens/{id}" --include-name "POST /api/v1/users/{id}/deactivate" --include-name "PATCH /api/v1/users/{id}")
rest=(--exclude-name "DELETE /api/v1/tokens/{id}" --exclude-name "POST /api/v1/users/{id}/deactivate" --exclude-name "PATCH /api/v1/users/{id}")

# Whether a failed run failed only inside schemathesis itself: errors whose tracebacks are in its own or hypothesis'
# code, and no failed check (a check that fails is Lore's answer and always counts).
fuzzer_fault() {
    ! grep -q '^=* FAILURES =*$' "$1" && grep -q 'Runtime Error' "$1" \
        && grep -q 'site-packages/\(schemathesis\|hypothesis\)/' "$1"
}

# st_run NAME BUDGET ARGS...: one schemathesis run with every check and a fixed seed, its log and JUnit report
# under $work. (The crash fuzzer_fault looks for depends on thread timing, not on the seed: a re-run passes.)
st_run() {
    local name="$1" budget="$2"
    shift 2
    SCHEMATHESIS_HOOKS=hooks PYTHONPATH=tests-api st --no-color --config-file tests-api/schemathesis.toml run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
        --checks all --workers 2 --max-time "$budget" --seed 17 --request-timeout 20 \
        --report junit --report-junit-path "$work/$name.xml" --output-truncate true "$@" >"$work/$name.log" 2>&1
}

# fuzz NAME BUDGET ARGS...: one schemathesis run with every check, a fixed seed so a failure reproduces, a JUnit report.
fuzz() {
    local name="$1" budget="$2"
    shift 2
    echo "== schemathesis: $name ($budget s) =="
    st_run "$name" "$budget" "$@"
    local rc=$?
    if [ "$rc" -ne 0 ] && fuzzer_fault "$work/$name.log"; then
        # Not an answer from Lore: the fuzzer broke while generating (CPython 3.11's "AST constructor recursion depth
        # mismatch" in hypothesis' lambda descriptions, seen once in GET /departments). Run it again once; if it
        # breaks the same way, say so and go on, since no request of that operation reached the server.
        echo "schemathesis broke inside its own generator ($name); running it again" >&2
        mv "$work/$name.log" "$work/$name.first.log"
        st_run "$name" "$budget" "$@"
        rc=$?
        if [ "$rc" -ne 0 ] && fuzzer_fault "$work/$name.log"; then
            echo "WARNING: schemathesis broke inside its own generator again ($name); see $work/$name.log" >&2
            rc=0
        fi
    fi
    sed -n '/^=* SUMMARY =*$/,$p' "$work/$name.log"
    if [ "$rc" -ne 0 ]; then
        sed -n '/^=* FAILURES =*$/,/^=* SUMMARY =*$/p' "$work/$name.log" | head -n 150
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "The server stopped during the run. Its last log lines:" >&2
        tail -n 40 "$work/server.log" >&2
        exit 1
    fi
    return "$rc"
}

status=0
echo "== real e-mails through the intake =="
python3 tests-api/mail_corpus.py "http://127.0.0.1:$PORT" "$("$BIN" user token agent@lore.demo --database "$db" --name "mail corpus")" || status=1

for who in admin customer; do
    token="$("$BIN" user token "$who@lore.demo" --database "$db" --name "schemathesis")"
    budget="$BUDGET"
    [ "$who" = customer ] && budget=$((BUDGET * 6 / 10))
    fuzz "$who" "$budget" -H "Authorization: Bearer $token" "${rest[@]}" || status=1
done
for who in customer admin; do
    token="$("$BIN" user token "$who@lore.demo" --database "$db" --name "schemathesis credentials")"
    fuzz "$who-credentials" 15 -H "Authorization: Bearer $token" "${credentials[@]}" || status=1
done
if grep -q '"level":"error"\|level=error\|Fatal error' "$work/server.log"; then
    echo "The server logged errors during the run:" >&2
    grep '"level":"error"\|level=error\|Fatal error' "$work/server.log" | head -n 20 >&2
    status=1
fi
echo "API test logs and reports: $work"
exit "$status"
