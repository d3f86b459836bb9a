/*
** lore_bm25: FTS5's BM25 ranking with document frequencies supplied by the caller, and top-k pruning.
**
**     lore_bm25(fts_table, k, weight_col_0, ..., weight_col_n-1, df_phrase_0, ..., df_phrase_m-1)
**
** Document frequencies. FTS5's built-in bm25() learns each phrase's document frequency by walking the phrase's
** whole doclist once per query (xQueryPhrase). For a common word in a large index that walk costs more than the
** rest of the query, so Lore keeps the frequencies in a table (search_terms) and passes them in. A NULL or missing
** frequency is counted as bm25() counts it.
**
** Top-k pruning (k > 0). Reading a row's length (xColumnSize, a lookup in the %_docsize table) is then most of the
** cost of scoring it. A query that only wants its k best rows does not need the exact score of a row that cannot
** be among them: the function keeps the k best exact scores seen so far in this statement, and when a row's upper
** bound — its score at the shortest length it can have, the furthest offset of a matched token in each column — is
** below the k-th of them, returns that bound without reading the length. Every row that ends among the k best
** (of the rows this statement scores) is scored exactly, and every pruned row sorts below them; k = 0 scores
** every row exactly. The caller must take at most k rows, best first.
**
** lore_bm25_rowid: the same arguments and scores, for an index whose rowids carry each document's length (its
** token count over all columns) in their low LORE_LENGTH_BITS bits, so no row's length is looked up and none is
** pruned: every row is scored exactly. Such an index needs no %_docsize table (columnsize=0); k is accepted so
** that both functions take one argument list. Lore's article index is built this way (ArticleIndex, migration 15).
**
** Scores are bm25()'s, term for term (k1 = 1.2, b = 0.75, IDF = ln((N - df + 0.5) / (df + 0.5)), at least 1e-6),
** negated as bm25() is (lower is better).
**
** The same file builds two ways: into Lore, against the SQLite that sqlite-nio vendors (whose functions carry a
** sqlite_nio_ prefix), and with -DLORE_SQLITE_LOADABLE as an extension for the sqlite3 shell, so that the
** benchmark's raw statements are the ones Lore runs (bench/kb_search.sh).
*/
#include <math.h>
#include <string.h>

#ifdef LORE_SQLITE_LOADABLE
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#define LORE_SQLITE(name) sqlite3_##name
#else
#include "sqlite_nio_sqlite3.h"
#include "lore_rank.h"
#define LORE_SQLITE(name) sqlite_nio_sqlite3_##name
#endif

typedef struct RankData {
    int nPhrase;
    int nCol;
    double avgdl;
    double *idf;      /* nPhrase entries */
    double *freq;     /* nPhrase entries, scratch for the current row */
    int *reach;       /* nCol entries, scratch: how far into each column the current row's matches reach */
    int k;            /* how many best rows the caller takes; 0 = score every row exactly */
    int nBest;        /* entries in best[] */
    double *best;     /* a min-heap of the k best exact scores so far (positive, higher is better) */
    sqlite3_int64 lastRowid; /* the row scored last, and its result, in case SQLite asks twice */
    double lastResult;
    int haveLast;
} RankData;

static int countRow(const Fts5ExtensionApi *api, Fts5Context *fts, void *user) {
    (void)api;
    (void)fts;
    (*(sqlite3_int64 *)user)++;
    return SQLITE_OK;
}

/* Per-query data, computed on the first row and kept as the function's auxiliary data. */
static int rankData(const Fts5ExtensionApi *api, Fts5Context *fts, int nVal, sqlite3_value **apVal, RankData **out) {
    RankData *p = (RankData *)api->xGetAuxdata(fts, 0);
    if (p) {
        *out = p;
        return SQLITE_OK;
    }
    int nPhrase = api->xPhraseCount(fts);
    int nCol = api->xColumnCount(fts);
    sqlite3_int64 k = nVal > 0 ? LORE_SQLITE(value_int64)(apVal[0]) : 0;
    if (k < 0 || k > 100000) k = 0;
    sqlite3_uint64 doubles = (sqlite3_uint64)(2 * nPhrase + k + 1), ints = (sqlite3_uint64)(nCol + 1);
    p = (RankData *)LORE_SQLITE(malloc64)(sizeof(RankData) + sizeof(double) * doubles + sizeof(int) * ints);
    if (!p) return SQLITE_NOMEM;
    memset(p, 0, sizeof(RankData));
    p->nPhrase = nPhrase;
    p->nCol = nCol;
    p->k = (int)k;
    p->idf = (double *)&p[1];
    p->freq = &p->idf[nPhrase];
    p->best = &p->freq[nPhrase];
    p->reach = (int *)&p->best[k + 1];
    sqlite3_int64 nRow = 0, nToken = 0;
    int rc = api->xRowCount(fts, &nRow);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &nToken);
    if (rc == SQLITE_OK) p->avgdl = nRow > 0 ? (double)nToken / (double)nRow : 1.0;
    for (int i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
        sqlite3_int64 hits = -1;
        int arg = 1 + nCol + i;
        if (arg < nVal && LORE_SQLITE(value_type)(apVal[arg]) != SQLITE_NULL) hits = LORE_SQLITE(value_int64)(apVal[arg]);
        if (hits < 0) {
            hits = 0;
            rc = api->xQueryPhrase(fts, i, &hits, countRow);
        }
        /* The row being ranked matched, so the phrase occurs at least once, whatever a stale count says. */
        if (hits < 1) hits = 1;
        if (hits > nRow) hits = nRow;
        double idf = log(((double)(nRow - hits) + 0.5) / ((double)hits + 0.5));
        p->idf[i] = idf <= 0.0 ? 1e-6 : idf;
    }
    if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, p, LORE_SQLITE(free));
    if (rc != SQLITE_OK) {
        LORE_SQLITE(free)(p);
        return rc;
    }
    *out = p;
    return SQLITE_OK;
}

/* The BM25 sum for the current row's phrase frequencies at document length `length`. */
static double bm25Sum(const RankData *p, double length) {
    const double k1 = 1.2, b = 0.75;
    double score = 0.0, norm = k1 * (1.0 - b + b * length / p->avgdl);
    for (int i = 0; i < p->nPhrase; i++) score += p->idf[i] * (p->freq[i] * (k1 + 1.0)) / (p->freq[i] + norm);
    return score;
}

/* Keeps the k best exact scores: best[0] is the smallest of them. */
static void heapOffer(RankData *p, double score) {
    double *h = p->best;
    int i;
    if (p->nBest < p->k) {
        i = p->nBest++;
        while (i > 0 && h[(i - 1) / 2] > score) {
            h[i] = h[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        h[i] = score;
        return;
    }
    if (score <= h[0]) return;
    i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= p->nBest) break;
        if (c + 1 < p->nBest && h[c + 1] < h[c]) c++;
        if (h[c] >= score) break;
        h[i] = h[c];
        i = c;
    }
    h[i] = score;
}

/* The low bits of a lore_bm25_rowid index's rowid: the document's length (ArticleFTSRowid.lengthBits in Swift). */
#define LORE_LENGTH_BITS 23

static void scoreRow(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nVal, sqlite3_value **apVal, int lengthInRowid) {
    RankData *p = 0;
    int rc = rankData(api, fts, nVal, apVal, &p);
    if (rc != SQLITE_OK) {
        LORE_SQLITE(result_error_code)(ctx, rc);
        return;
    }
    sqlite3_int64 rowid = api->xRowid(fts);
    if (p->haveLast && rowid == p->lastRowid) {
        LORE_SQLITE(result_double)(ctx, p->lastResult);
        return;
    }
    int nInst = 0;
    memset(p->freq, 0, sizeof(double) * (size_t)p->nPhrase);
    memset(p->reach, 0, sizeof(int) * (size_t)p->nCol);
    rc = api->xInstCount(fts, &nInst);
    for (int i = 0; rc == SQLITE_OK && i < nInst; i++) {
        int phrase, column, offset;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc != SQLITE_OK || phrase < 0 || phrase >= p->nPhrase || column < 0 || column >= p->nCol) continue;
        p->freq[phrase] += (1 + column < nVal) ? LORE_SQLITE(value_double)(apVal[1 + column]) : 1.0;
        if (offset + 1 > p->reach[column]) p->reach[column] = offset + 1;
    }
    if (rc != SQLITE_OK) {
        LORE_SQLITE(result_error_code)(ctx, rc);
        return;
    }
    double score;
    if (lengthInRowid) {
        score = bm25Sum(p, (double)(rowid & (((sqlite3_int64)1 << LORE_LENGTH_BITS) - 1)));
    } else {
        int pruned = 0;
        if (p->k > 0 && p->nBest == p->k) {
            /* The row is at least as long as its furthest match in each column, and BM25 falls with length. */
            int shortest = 0;
            for (int c = 0; c < p->nCol; c++) shortest += p->reach[c];
            double bound = bm25Sum(p, (double)shortest);
            if (bound < p->best[0]) {
                score = bound;
                pruned = 1;
            }
        }
        if (!pruned) {
            int nTok = 0;
            rc = api->xColumnSize(fts, -1, &nTok);
            if (rc != SQLITE_OK) {
                LORE_SQLITE(result_error_code)(ctx, rc);
                return;
            }
            score = bm25Sum(p, (double)nTok);
            if (p->k > 0) heapOffer(p, score);
        }
    }
    p->haveLast = 1;
    p->lastRowid = rowid;
    p->lastResult = -score;
    LORE_SQLITE(result_double)(ctx, -score);
}

static void loreBm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nVal, sqlite3_value **apVal) {
    scoreRow(api, fts, ctx, nVal, apVal, 0);
}

static void loreBm25Rowid(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nVal, sqlite3_value **apVal) {
    scoreRow(api, fts, ctx, nVal, apVal, 1);
}

static int registerOn(sqlite3 *db) {
    fts5_api *fts5 = 0;
    sqlite3_stmt *stmt = 0;
    int rc = LORE_SQLITE(prepare_v2)(db, "SELECT fts5(?1)", -1, &stmt, 0);
    if (rc != SQLITE_OK) return rc;
    LORE_SQLITE(bind_pointer)(stmt, 1, (void *)&fts5, "fts5_api_ptr", 0);
    LORE_SQLITE(step)(stmt);
    LORE_SQLITE(finalize)(stmt);
    if (!fts5 || fts5->iVersion < 2) return SQLITE_ERROR;
    rc = fts5->xCreateFunction(fts5, "lore_bm25", 0, loreBm25, 0);
    if (rc == SQLITE_OK) rc = fts5->xCreateFunction(fts5, "lore_bm25_rowid", 0, loreBm25Rowid, 0);
    return rc;
}

#ifdef LORE_SQLITE_LOADABLE
#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_lorerank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
    (void)pzErrMsg;
    SQLITE_EXTENSION_INIT2(pApi);
    return registerOn(db);
}
#else
static int autoEntry(sqlite3 *db, char **pzErrMsg, const struct sqlite3_api_routines *pApi) {
    (void)pzErrMsg;
    (void)pApi;
    return registerOn(db);
}

int lore_rank_install(void) {
    /* sqlite3_auto_extension ignores a second registration of the same entry point. */
    return LORE_SQLITE(auto_extension)((void (*)(void))autoEntry);
}
#endif
