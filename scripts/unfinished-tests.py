#!/usr/bin/env python3
"""Lists the Swift Testing tests a log shows as started but not finished (scripts/test.sh calls it on a timeout)."""
import re
import sys

log = open(sys.argv[1], errors="replace").read()
started = re.findall(r"◇ Test (\S+?\(.*?\)) started", log)
finished = set(re.findall(r"[✔✘] Test (\S+?\(.*?\)) (?:with \d+ test cases? )?(?:passed|failed)", log))
cases = re.findall(r"◇ Test case passing .*? → (\S+) to (\S+?\(.*?\)) started", log)
for name in dict.fromkeys(started):
    if name not in finished:
        engines = sorted({engine for engine, test in cases if test == name})
        print("  " + name + (" on " + ", ".join(engines) if engines else ""))
