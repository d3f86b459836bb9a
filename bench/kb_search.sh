#!/usr/bin/env bash
# Knowledge-base search benchmark (issue 3). Generates ARTICLES bilingual articles (default 1,000,000) and 1,000
# queries once (bench/out/kb-ARTICLES.db), times the index build, then measures GET /api/v1/kb/search under wrk and,
# in the same run, the same FTS5 query in the sqlite3 shell and the same corpus and queries in bm25s (with jieba).
# Usage: bench/kb_search.sh [postgres://URL]   Env: ARTICLES, DURATION, CONNECTIONS, BM25S=0 to skip bm25s.
source "$(dirname "$0")/lib.sh"
ARTICLES="${ARTICLES:-1000000}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-8}"
PORT="${PORT:-18090}"
DB="${1:-$OUT/kb-$ARTICLES.db}"
CORPUS="$OUT/kb-$ARTICLES-corpus.jsonl"
QUERIES="$OUT/kb-queries.txt"
[ -x "$LORE" ] || build_release
if [[ "$DB" == postgres* ]]; then
    # A PostgreSQL database is filled once (REBUILD=1 drops and refills its articles).
    EXISTING=$(psql "$DB" -tAc "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
    NEED=$([ "${REBUILD:-0}" = 1 ] || [ "${EXISTING:-0}" -lt "$ARTICLES" ] && echo 1 || echo 0)
    [ "$NEED" = 1 ] && [ "${EXISTING:-0}" != 0 ] && psql "$DB" -qc "TRUNCATE articles CASCADE"
else
    NEED=$([ ! -f "$DB" ] || [ "${REBUILD:-0}" = 1 ] && echo 1 || echo 0)
fi
if [ "$NEED" = 1 ]; then
    [[ "$DB" == postgres* ]] || rm -f "$DB" "$DB"-*
    echo "generating $ARTICLES articles into $DB ..."
    "$LORE" kb generate --database "$DB" --articles "$ARTICLES" --corpus-out "$CORPUS" --queries-out "$QUERIES" | tail -n 1
    /usr/bin/time -f "index build: %e s, max RSS %M KB" "$LORE" kb reindex --database "$DB" 2>&1 | tail -n 2
fi
python3 -c "import sys, urllib.parse; [print(urllib.parse.quote(l.strip())) for l in open(sys.argv[1], encoding='utf-8') if l.strip()]" "$QUERIES" >"$OUT/kb-queries.url"

# The raw statements in the sqlite3 shell, run before and after the HTTP passes: the host's speed drifts, and the
# mean of the two is the fairer baseline for the HTTP figures measured between them. A search with facets runs a
# statement that also lists the ids the facets count (kb-ranking-facets.sql); without, the plain ranking statement.
raw_sqlite3() {  # raw_sqlite3 SUFFIX [FLAG]
    [ -f "$OUT/kb-ranking$1.sql" ] || "$LORE" kb ranking-sql --database "$DB" ${2:-} "$QUERIES" >"$OUT/kb-ranking$1.sql"
    # The shell runs Lore's own ranking function: the same C file, built as a loadable extension.
    [ -f /usr/include/sqlite3ext.h ] || apt-get install -y -qq libsqlite3-dev >/dev/null
    gcc -O2 -shared -fPIC -DLORE_SQLITE_LOADABLE -o "$OUT/lore_rank.so" "$ROOT/Sources/CLoreRank/lore_rank.c" -lm
    python3 "$ROOT/bench/kb_sqlite3.py" "$DB" "$OUT/kb-ranking$1.sql" "$OUT/lore_rank"
}
if [[ "$DB" != postgres* ]]; then
    # Read the file once so both sides start from the OS's page cache: the host has been seen dropping it between
    # runs, and a run that read the file from disk was 2x slower for the server (p99 half a second).
    cat "$DB" >/dev/null
    rm -f "$OUT/kb-ranking.sql" "$OUT/kb-ranking-facets.sql"
    read -r _ S1_P50 S1_P99 <<<"$(raw_sqlite3 "")"
    read -r _ F1_P50 F1_P99 <<<"$(raw_sqlite3 -facets --facets)"
fi
start_server "$DB" "$PORT"
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
TOKEN=$(api_token "$PORT" admin@bench.test bench-password-1)
export TOKEN QUERY_FILE="$OUT/kb-queries.url"
wrk -t2 -c"$CONNECTIONS" -d5s -s "$ROOT/bench/kb_queries.lua" "http://127.0.0.1:$PORT" >/dev/null  # warm-up
# Latency: one connection, one query at a time (as the sqlite3 shell runs them). Throughput: $CONNECTIONS connections.
for mode in "" "&facets=false"; do
    EXTRA="$mode" wrk -t1 -c1 -d"$DURATION" --latency -s "$ROOT/bench/kb_queries.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-kb-lat$mode.txt"
    EXTRA="$mode" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/kb_queries.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-kb$mode.txt"
    grep -q "Non-2xx" "$OUT/wrk-kb$mode.txt" && echo "warning: failed requests: $(grep Non-2xx "$OUT/wrk-kb$mode.txt")"
done
read -r _ K_P50 K_P99 <<<"$(wrk_summary "$OUT/wrk-kb-lat.txt")"
read -r _ L_P50 L_P99 <<<"$(wrk_summary "$OUT/wrk-kb-lat&facets=false.txt")"
read -r K_RPS _ _ <<<"$(wrk_summary "$OUT/wrk-kb.txt")"
read -r L_RPS _ _ <<<"$(wrk_summary "$OUT/wrk-kb&facets=false.txt")"
echo "GET /api/v1/kb/search (facets, snippets): p50 $K_P50 ms  p99 $K_P99 ms (1 connection); $K_RPS req/s ($CONNECTIONS connections)"
echo "GET /api/v1/kb/search?facets=false:       p50 $L_P50 ms  p99 $L_P99 ms (1 connection); $L_RPS req/s ($CONNECTIONS connections)"
echo "server RSS after load: $(rss_mb "$SERVER_PID")"
kill $SERVER_PID 2>/dev/null || true
if [[ "$DB" != postgres* ]]; then
    read -r N S2_P50 S2_P99 <<<"$(raw_sqlite3 "")"
    read -r _ F2_P50 F2_P99 <<<"$(raw_sqlite3 -facets --facets)"
    S_P50=$(python3 -c "print(($S1_P50 + $S2_P50) / 2)")
    F_P50=$(python3 -c "print(($F1_P50 + $F2_P50) / 2)")
    echo "sqlite3 shell, the same statements ($N queries): ranking p50 $S1_P50 ms before, $S2_P50 ms after the HTTP runs (p99 $S1_P99 / $S2_P99 ms)"
    echo "sqlite3 shell, with the facet ids: p50 $F1_P50 ms before, $F2_P50 ms after (p99 $F1_P99 / $F2_P99 ms)"
    python3 -c "print(f'ratio Lore HTTP p50 / sqlite3 p50 (mean of both): {$K_P50/$F_P50:.2f} (facets) {$L_P50/$S_P50:.2f} (no facets)  (target <= 2)')"
fi
if [ "${BM25S:-1}" = 1 ] && [ -f "$CORPUS" ]; then
    python3 -m pip install -q bm25s jieba 2>/dev/null || true
    read -r D B_INDEX B_QPS B_P50 B_P99 <<<"$(python3 "$ROOT/bench/kb_bm25s.py" "$CORPUS" "$QUERIES")"
    echo "bm25s + jieba ($D docs): index $B_INDEX s, best $B_QPS queries/s, p50 $B_P50 ms, p99 $B_P99 ms"
    python3 -c "print(f'ratio Lore q/s / bm25s q/s: {$K_RPS/$B_QPS:.2f} (facets) {$L_RPS/$B_QPS:.2f} (no facets)  (target >= 1)')"
fi
