#!/usr/bin/env bash
# Runs every test: the Swift suites on SQLite and PostgreSQL, the API from outside (real e-mails, schemathesis),
# the durability test (kill -9 under load), then the browser test on both engines.
# First it installs what they need that is missing (scripts/install-test-tools.sh: PostgreSQL, Chromium, playwright,
# schemathesis, the e-mail corpus), so it works on a fresh machine.
# PostgreSQL: uses $LORE_TEST_POSTGRES_URL if set, else starts a throwaway cluster (needs root; see scripts/start-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-tools.sh

if [ -z "${LORE_TEST_POSTGRES_URL:-}" ]; then
    LORE_TEST_POSTGRES_URL="$(scripts/start-postgres.sh 54329 | tail -n 1)"
    LORE_TEST_POSTGRES_DATA=/tmp/lore-pg-54329
    export LORE_TEST_POSTGRES_URL LORE_TEST_POSTGRES_DATA
fi
echo "PostgreSQL for tests: $LORE_TEST_POSTGRES_URL"

swift build --build-tests
# A test that hangs must fail the run with its name rather than run into CI's time limit. Output is line-buffered
# so the log is current when the limit strikes; the tests that started and did not finish are listed.
limit="${LORE_TEST_TIMEOUT:-1200}"
log=.build/swift-test.log
set +e
timeout --kill-after=20 "$limit" stdbuf -oL -eL swift test --skip-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    # swift test runs the tests in a process of its own that outlives it (and would hold this output open).
    pkill -KILL -f "lorePackageTests.xctest" || true
    echo "swift test did not finish within $limit s. Started and not finished:" >&2
    python3 scripts/unfinished-tests.py "$log" >&2
    exit 1
fi
[ "$status" -eq 0 ] || exit "$status"

timeout --kill-after=20 900 scripts/api-tests.sh .build/debug/lore

# Durability: kill -9 under write load (SQLite), and PostgreSQL restarted under load (needs its data folder to restart
# it: known when this script started the cluster, else LORE_TEST_POSTGRES_DATA).
timeout --kill-after=20 600 python3 tests-api/durability.py --binary .build/debug/lore --engine sqlite --rounds 5
if [ -n "${LORE_TEST_POSTGRES_DATA:-}" ]; then
    timeout --kill-after=20 300 python3 tests-api/durability.py --binary .build/debug/lore --engine postgres \
        --pg-url "$LORE_TEST_POSTGRES_URL" --pg-data "$LORE_TEST_POSTGRES_DATA"
fi

if [ "${LORE_SKIP_BROWSER:-0}" != "1" ]; then
    timeout --kill-after=20 "$limit" python3 tests-browser/test_browser.py --binary .build/debug/lore --postgres "$LORE_TEST_POSTGRES_URL"
    # Every main page as each demo role, both languages, laptop and phone: no raw keys, no English left on a Chinese
    # page, nothing wider than the screen (screenshots in tests-browser/out/).
    timeout --kill-after=20 600 python3 tests-browser/page_sweep.py --binary .build/debug/lore
fi
