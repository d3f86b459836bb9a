/*
** Runs a statement file (as `lore kb ranking-sql` writes it: one query per line, its statements tab-separated) PASSES
** times in one process and prints, per pass, the p50 / mean / p99 of each query's wall time and CPU time in ms.
**
** A diagnostic beside bench/kb_sqlite3.py, which times the same file in the sqlite3 shell: built against the SQLite
** that sqlite-nio vendors (the one Lore runs) or against Debian's libsqlite3 (the shell's), it tells how much of a
** difference between Lore's ranking phase and the shell is the SQLite version rather than Lore (bench/kb_engines.sh).
**
** Usage: kb_statements DB STATEMENT_FILE PASSES [EXTENSION]   (EXTENSION: lore_rank.so, for the Debian build)
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef VENDORED
#include "sqlite_nio_sqlite3.h"
#include "lore_rank.h"
#define S(name) sqlite_nio_sqlite3_##name
#else
#include <sqlite3.h>
#define S(name) sqlite3_##name
#endif

static double now(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *what, int pass, double *v, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) sum += v[i];
    qsort(v, n, sizeof *v, compare);
    printf("pass %d %s: p50 %.3f mean %.3f p99 %.3f\n", pass, what, v[n / 2], sum / n, v[(int)(0.99 * n)]);
}

/* Prepares, steps to the end (reading every column as SQLite would hand it to a caller) and finalizes. */
static int run(sqlite3 *db, const char *sql) {
    sqlite3_stmt *stmt = 0;
    if (S(prepare_v2)(db, sql, -1, &stmt, 0) != SQLITE_OK) return 1;
    int rc, columns = S(column_count)(stmt);
    while ((rc = S(step)(stmt)) == SQLITE_ROW) {
        for (int c = 0; c < columns; c++) {
            if (S(column_type)(stmt, c) == SQLITE_TEXT) S(column_bytes)(stmt, c);
        }
    }
    S(finalize)(stmt);
    return rc != SQLITE_DONE;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s DB STATEMENT_FILE PASSES [EXTENSION]\n", argv[0]);
        return 2;
    }
#ifdef VENDORED
    lore_rank_install();
#endif
    sqlite3 *db = 0;
    if (S(open_v2)(argv[1], &db, SQLITE_OPEN_READONLY, 0) != SQLITE_OK) return fprintf(stderr, "cannot open %s\n", argv[1]), 1;
#ifndef VENDORED
    if (argc > 4) {
        char *error = 0;
        S(enable_load_extension)(db, 1);
        if (S(load_extension)(db, argv[4], 0, &error) != SQLITE_OK) return fprintf(stderr, "%s\n", error), 1;
    }
#endif
    S(exec)(db, "PRAGMA cache_size=-65536", 0, 0, 0);
    FILE *file = fopen(argv[2], "r");
    if (!file) return fprintf(stderr, "cannot read %s\n", argv[2]), 1;
    int cap = 1024, n = 0;
    char **lines = malloc(cap * sizeof *lines), *line = 0;
    size_t size = 0;
    ssize_t got;
    while ((got = getline(&line, &size, file)) > 0) {
        if (got <= 1) continue;
        if (line[got - 1] == '\n') line[got - 1] = 0;
        if (n == cap) lines = realloc(lines, (cap *= 2) * sizeof *lines);
        lines[n++] = strdup(line);
    }
    double *wall = malloc(n * sizeof *wall), *cpu = malloc(n * sizeof *cpu);
    int passes = atoi(argv[3]);
    for (int pass = 1; pass <= passes; pass++) {
        for (int i = 0; i < n; i++) {
            double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_THREAD_CPUTIME_ID);
            char *copy = strdup(lines[i]), *rest = copy, *sql;
            while ((sql = strsep(&rest, "\t"))) {
                if (run(db, sql)) return fprintf(stderr, "%s\nin: %.200s\n", S(errmsg)(db), sql), 1;
            }
            free(copy);
            wall[i] = now(CLOCK_MONOTONIC) - w0;
            cpu[i] = now(CLOCK_THREAD_CPUTIME_ID) - c0;
        }
        report("wall", pass, wall, n);
        report("cpu ", pass, cpu, n);
    }
    return 0;
}
