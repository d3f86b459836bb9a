#!/usr/bin/env python3
"""Lists Swift functions (and initialisers, closures-as-routes excluded) longer than N lines (default 60).
A rough brace matcher: good enough for code formatted by swift-format. Exit 1 if any is found.
Usage: scripts/long-functions.py [N] [DIR...]"""
import re, sys, pathlib

limit = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 60
dirs = [a for a in sys.argv[1:] if not a.isdigit()] or ["Sources"]
decl = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|override|mutating|nonisolated|final|@MainActor)\s+)*(?:func\s+\w+|init[?!]?\s*[(<])')
found = []
for d in dirs:
    for path in sorted(pathlib.Path(d).rglob("*.swift")):
        lines = path.read_text(encoding="utf-8").split("\n")
        i = 0
        while i < len(lines):
            if decl.match(lines[i]):
                depth, started, j = 0, False, i
                while j < len(lines):
                    code = re.sub(r'"(?:\\.|[^"\\])*"', '""', lines[j].split("//")[0])
                    depth += code.count("{") - code.count("}")
                    if "{" in code: started = True
                    if started and depth <= 0: break
                    if not started and j > i + 8: break
                    j += 1
                if started and j - i + 1 > limit:
                    found.append((j - i + 1, f"{path}:{i + 1}", lines[i].strip()[:90]))
            i += 1
for n, where, text in sorted(found, reverse=True):
    print(f"{n:4d} {where}  {text}")
sys.exit(1 if found else 0)
