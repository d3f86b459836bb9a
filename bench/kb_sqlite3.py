"""Times each benchmark query's ranking statements run directly in the sqlite3 shell on the same file (`.timer on`).

The statements are exactly the ones Lore's search runs for staff, printed by `lore kb ranking-sql` (values written
in): lore_bm25_rowid over FTS5 — FTS5's bm25 with the document frequencies read from search_terms and each
document's length from its rowid; the shell loads the same C source built as an extension, see kb_search.sh — best
70 candidates; for a query with no article containing every word, the all-words statement and then the any-word
one. Prints the number of queries, p50 and p99 in ms. Usage: kb_sqlite3.py DATABASE STATEMENT_FILE EXTENSION
"""
import re, subprocess, sys

db, statement_file, extension = sys.argv[1], sys.argv[2], sys.argv[3]
lines = [l.rstrip("\n").split("\t") for l in open(statement_file, encoding="utf-8") if l.strip()]
# The page cache Lore gives each pooled reader (SQLiteLoreDatabase.defaultCacheMegabytes), so both read alike.
script = [f".load {extension}", "PRAGMA cache_size=-65536;", ".timer on", ".output /dev/null"]
statements = [s + ";" for line in lines for s in line]
# One process runs every statement twice, as a server's connections stay open: the first pass warms the OS's and
# SQLite's page caches, the second is measured.
run = subprocess.run(["sqlite3", db], input="\n".join(script + statements + statements), capture_output=True, text=True)
out = run.stdout + run.stderr
if "Error" in out:
    sys.exit("sqlite3 failed: " + out[:500])
# `real` is printed to the millisecond only; user + sys (CPU time, microseconds) is the query's time once the
# file is in the page cache, which the first pass ensures.
each = [(float(u) + float(s)) * 1000 for u, s in re.findall(r"Run Time: real [\d.]+ user ([\d.]+) sys ([\d.]+)", out)]
each = each[len(statements):]
# A query whose words do not all occur together runs as two statements (all words, then any), as in Lore.
times, k = [], 0
for line in lines:
    times.append(sum(each[k:k + len(line)]))
    k += len(line)
times.sort()
if not times:
    sys.exit("sqlite3 printed no timings: " + out[:500])
p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"{len(times)} {p(0.5):.3f} {p(0.99):.3f}")
