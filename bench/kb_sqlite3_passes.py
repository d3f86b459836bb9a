"""Per-pass p50, mean and p99 of a statement file (as `lore kb ranking-sql` writes it) run PASSES times in one sqlite3
process, with the given PRAGMAs first — for A/B comparisons of statement shapes or settings on the same file.
Usage: kb_sqlite3_passes.py DB STATEMENT_FILE EXTENSION PASSES [PRAGMA ...]
e.g. bench/kb_sqlite3_passes.py bench/out/kb-1000000.db bench/out/kb-ranking.sql bench/out/lore_rank 2 "PRAGMA cache_size=-65536"
"""
import re, subprocess, sys
db, sqlfile, ext, passes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
pragmas = sys.argv[5:]
lines = [l.rstrip("\n").split("\t") for l in open(sqlfile, encoding="utf-8") if l.strip()]
statements = [s + ";" for line in lines for s in line]
script = [f".load {ext}"] + [p + ";" for p in pragmas] + [".timer on", ".output /dev/null"]
run = subprocess.run(["sqlite3", db], input="\n".join(script + statements * passes), capture_output=True, text=True)
out = run.stdout + run.stderr
each = [(float(u) + float(s)) * 1000 for u, s in re.findall(r"Run Time: real [\d.]+ user ([\d.]+) sys ([\d.]+)", out)]
n = len(statements)
for k in range(passes):
    chunk = each[k * n:(k + 1) * n]
    times, i = [], 0
    for line in lines:
        times.append(sum(chunk[i:i + len(line)])); i += len(line)
    times.sort()
    print(f"pass {k+1}: p50 {times[len(times)//2]:.3f} mean {sum(times)/len(times):.3f} p99 {times[int(.99*len(times))]:.3f}")
