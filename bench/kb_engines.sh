#!/usr/bin/env bash
# Is a gap between Lore's ranking phase and the sqlite3 shell the SQLite build rather than Lore? Times the same
# statement file (`lore kb ranking-sql`) in one C process three ways, alternating, PASSES times each: against the
# SQLite sqlite-nio vendors (the one Lore runs, built with sqlite-nio's release settings), against Debian's
# libsqlite3 (the shell's), and in the sqlite3 shell itself (bench/kb_sqlite3_passes.py).
# Usage: bench/kb_engines.sh [DB] [STATEMENT_FILE]   Env: PASSES (default 3), ROUNDS (2).
source "$(dirname "$0")/lib.sh"
DB="${1:-$OUT/kb-1000000.db}"
SQL="${2:-$OUT/kb-ranking.sql}"
VENDORED="$ROOT/.build/checkouts/sqlite-nio/Sources/VaporCSQLite"
[ -d "$VENDORED" ] || (cd "$ROOT" && swift package resolve)
[ -f /usr/include/sqlite3ext.h ] || apt-get install -y -qq libsqlite3-dev >/dev/null
[ -f "$SQL" ] || "$LORE" kb ranking-sql --database "$DB" "$OUT/kb-queries.txt" >"$SQL"
# sqlite-nio's Package.swift (sqliteCSettings, release): the options that change how a read runs.
DEFINES="-DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_DISABLE_PAGECACHE_OVERFLOW_STATS -DSQLITE_DQS=0 -DSQLITE_ENABLE_FTS5
 -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_NULL_TRIM -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_MAX_VARIABLE_NUMBER=250000
 -DSQLITE_OMIT_DEPRECATED -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_OMIT_PROGRESS_CALLBACK -DSQLITE_OMIT_SHARED_CACHE
 -DSQLITE_OMIT_TRACE -DSQLITE_SECURE_DELETE -DSQLITE_THREADSAFE=1 -DSQLITE_UNTESTABLE -DSQLITE_USE_URI"
if [ ! -x "$OUT/kb_statements_vendored" ]; then
    # shellcheck disable=SC2086
    clang -O2 -fno-omit-frame-pointer -w $DEFINES -DVENDORED -I "$VENDORED/include" -I "$ROOT/Sources/CLoreRank/include" \
        -o "$OUT/kb_statements_vendored" "$ROOT/bench/kb_statements.c" "$ROOT/Sources/CLoreRank/lore_rank.c" "$VENDORED/sqlite_nio_sqlite3.c" -lm -lpthread
fi
gcc -O2 -o "$OUT/kb_statements_debian" "$ROOT/bench/kb_statements.c" -lsqlite3
gcc -O2 -shared -fPIC -DLORE_SQLITE_LOADABLE -o "$OUT/lore_rank.so" "$ROOT/Sources/CLoreRank/lore_rank.c" -lm
echo "vendored SQLite $(tail -n 1 "$VENDORED/version.txt"), Debian's $(sqlite3 --version | cut -d' ' -f1)"
cat "$DB" >/dev/null
for round in $(seq 1 "${ROUNDS:-2}"); do
    echo "round $round"
    "$OUT/kb_statements_vendored" "$DB" "$SQL" "${PASSES:-3}" | tail -n 2 | sed 's/^/  vendored /'
    "$OUT/kb_statements_debian" "$DB" "$SQL" "${PASSES:-3}" "$OUT/lore_rank.so" | tail -n 2 | sed 's/^/  debian   /'
    python3 "$ROOT/bench/kb_sqlite3_passes.py" "$DB" "$SQL" "$OUT/lore_rank" "${PASSES:-3}" "PRAGMA cache_size=-65536" | tail -n 1 | sed 's/^/  shell    /'
done
