"""Times each benchmark query run directly in the sqlite3 shell on the same file, with `.timer on`.

The statements are the ranking queries Lore's search runs for staff (bm25 over FTS5, best 70 candidates; for a
query with no article containing every word, the all-words statement and then the any-word one).
Prints p50 and p99 in ms. Usage: kb_sqlite3.py DATABASE MATCH_FILE
"""
import re, subprocess, sys

db, match_file = sys.argv[1], sys.argv[2]
lines = [l.rstrip("\n").split("\t") for l in open(match_file, encoding="utf-8") if l.strip()]
script = [".timer on", ".output /dev/null"]
for e in [e for line in lines for e in line]:
    q = e.replace("'", "''")
    script.append(
        "SELECT id, rel FROM (SELECT rowid AS id, -bm25(article_fts, 4.0, 1.0) AS rel FROM article_fts "
        f"WHERE article_fts MATCH '{q}' ORDER BY rowid DESC LIMIT 5000) ORDER BY rel DESC, id LIMIT 70;")
# Warm the page cache with one pass, then measure a second.
for _ in range(2):
    run = subprocess.run(["sqlite3", db], input="\n".join(script), capture_output=True, text=True)
    out = run.stdout + run.stderr
# `real` is printed to the millisecond only; user + sys (CPU time, microseconds) is the query's time once the
# file is in the page cache, which the first pass ensures.
each = [(float(u) + float(s)) * 1000 for u, s in re.findall(r"Run Time: real [\d.]+ user ([\d.]+) sys ([\d.]+)", out)]
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
