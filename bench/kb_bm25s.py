"""The same corpus and queries in bm25s (BM25 in NumPy/SciPy) with jieba for Chinese: index time and queries/s.

Usage: kb_bm25s.py CORPUS_JSONL QUERIES_TXT [THREADS]   prints "docs index_seconds best_qps p50_ms p99_ms" (qps: the better of one-at-a-time and one batch on 2 threads)
"""
import json, sys, time
import bm25s, jieba, numpy as np

jieba.setLogLevel(60)
corpus_file, queries_file = sys.argv[1], sys.argv[2]
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 1

def tokens(text):
    return [t.lower() for t in jieba.lcut_for_search(text) if t.strip() and (t.isalnum() or len(t) > 1)]

ids, docs = [], []
for line in open(corpus_file, encoding="utf-8"):
    o = json.loads(line)
    ids.append(o["id"]); docs.append(o["text"])
started = time.time()
corpus_tokens = [tokens(d) for d in docs]
retriever = bm25s.BM25()
retriever.index(corpus_tokens, show_progress=False)
index_seconds = time.time() - started
queries = [q.strip() for q in open(queries_file, encoding="utf-8") if q.strip()]
query_tokens = [tokens(q) or ["_"] for q in queries]
# Warm up, then time each query (k = 20, the page size Lore returns).
retriever.retrieve([query_tokens[0]], k=20, show_progress=False)
lat = []
started = time.time()
for qt in query_tokens:
    t0 = time.time()
    retriever.retrieve([qt], k=20, show_progress=False, n_threads=threads)
    lat.append((time.time() - t0) * 1000)
sequential_qps = len(queries) / (time.time() - started)
# Its best throughput: all queries in one batch over every core.
started = time.time()
retriever.retrieve(query_tokens, k=20, show_progress=False, n_threads=max(threads, 2))
batch_qps = len(queries) / (time.time() - started)
lat.sort()
print(f"{len(docs)} {index_seconds:.1f} {max(sequential_qps, batch_qps):.1f} {lat[len(lat) // 2]:.3f} {lat[int(len(lat) * 0.99)]:.3f}")
