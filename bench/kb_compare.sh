#!/usr/bin/env bash
# Compares two release builds on the knowledge-base search benchmark in one session: interleaved passes (A B A B) on
# the same database file, so host drift falls on both. Usage:
#   bench/kb_compare.sh BINARY_A BINARY_B [DATABASE]   Env: ARTICLES (default 100000), DURATION (15s), PASSES (2)
# Build the older binary first (git worktree + swift build -c release) and copy it out of .build. Both builds must
# accept the file: run the older one first, as the newer one may add a migration the older does not know.
set -euo pipefail
A="$1"; B="$2"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export ARTICLES="${ARTICLES:-100000}" DURATION="${DURATION:-15s}" BM25S=0
DB="${3:-$ROOT/bench/out/kb-$ARTICLES.db}"
for pass in $(seq 1 "${PASSES:-2}"); do
    for bin in "$A" "$B"; do
        echo "=== pass $pass: $bin ==="
        LORE_BIN="$bin" "$ROOT/bench/kb_search.sh" "$DB" | grep -E "p50|ratio"
    done
done
