#!/usr/bin/env bash
# Runs every test: the Swift suites on SQLite and PostgreSQL, then the browser test on both engines.
# PostgreSQL: uses $LORE_TEST_POSTGRES_URL if set, else starts a throwaway cluster (needs root; see scripts/start-postgres.sh).
# The browser test needs Debian's chromium and the playwright package (scripts/install-test-tools.sh installs both).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${LORE_TEST_POSTGRES_URL:-}" ]; then
    LORE_TEST_POSTGRES_URL="$(scripts/start-postgres.sh 54329 | tail -n 1)"
    export LORE_TEST_POSTGRES_URL
fi
echo "PostgreSQL for tests: $LORE_TEST_POSTGRES_URL"

swift build --build-tests
swift test --skip-build

if [ "${LORE_SKIP_BROWSER:-0}" != "1" ]; then
    python3 tests-browser/test_browser.py --binary .build/debug/lore --postgres "$LORE_TEST_POSTGRES_URL"
fi
