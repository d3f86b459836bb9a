#!/usr/bin/env python3
"""Durability under crashes: no acknowledged write is ever lost, and the database stays sound.

SQLite (`--engine sqlite`): several clients write through the API (accounts; articles created and published, which
writes the full-text index; cases, which write the case index) while the server is killed with SIGKILL at a random
moment, restarted, and checked: every write that got a 2xx answer must be there, and `lore check` (integrity_check,
foreign keys, FTS5 integrity-check) must pass. Repeated for --rounds.

PostgreSQL (`--engine postgres`): the same clients write while the PostgreSQL server itself restarts. Meanwhile every
answer must be a success or a 503 with Retry-After (no 500, no hang); Lore must take writes again within 5 s of the
database accepting connections; every acknowledged write must be there.

Usage: durability.py --binary .build/debug/lore --engine sqlite --rounds 5
       durability.py --binary .build/debug/lore --engine postgres --pg-url postgres://postgres@127.0.0.1:54329/postgres \
                     --pg-data /tmp/lore-pg-54329
Prints a summary; exit status 1 on any lost write or broken promise.
"""

import argparse
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

WRITERS = 4


class Server:
    def __init__(self, binary, database, port, log):
        self.binary, self.database, self.port, self.log = binary, database, port, log
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "serve", "--database", self.database, "--port", str(self.port), "--log-level", os.environ.get("LORE_LOG_LEVEL", "warning"),
             "--admin-email", "admin@durability.test", "--admin-password", "durability-2026"],
            stdout=self.log, stderr=self.log)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"the server exited with {self.process.returncode} while starting (log: {self.log.name})")
            try:
                if request(self.port, None, "GET", "/health", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        sys.exit("the server did not answer /health within 60 s")

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        """SIGTERM; True if the server stopped within 30 s (it is killed otherwise)."""
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
            return True
        except subprocess.TimeoutExpired:
            self.kill()
            return False


def request(port, token, method, path, body=None, timeout=15):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        connection.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data else None), response.getheader("Retry-After")
    finally:
        connection.close()


class Writers:
    """Clients that write until told to stop, remembering every acknowledged write and every odd answer."""

    def __init__(self, port, token, tag):
        self.port, self.token, self.tag = port, token, tag
        self.acknowledged = []  # (kind, id, expected)
        self.answers = []  # (time, status, retry_after, seconds taken)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(WRITERS)]

    def start(self):
        for t in self.threads:
            t.start()

    def stop(self):
        self.stopping.set()
        for t in self.threads:
            t.join(timeout=60)

    def note(self, status, retry_after, started, path=""):
        with self.lock:
            self.answers.append((time.time(), status, retry_after, time.time() - started, path))

    def call(self, method, path, body):
        started = time.time()
        try:
            status, data, retry_after = request(self.port, self.token, method, path, body)
        except (OSError, http.client.HTTPException):
            # Refused, reset, timed out or cut mid-answer (the server was killed): nothing acknowledged.
            self.note(None, None, started, method + " " + path)
            time.sleep(0.05)
            return None, None
        self.note(status, retry_after, started, method + " " + path)
        return status, data

    def run(self, n):
        i = 0
        while not self.stopping.is_set():
            i += 1
            name = f"{self.tag}-{n}-{i} 耐久"
            kind = i % 6
            if kind == 0:
                status, data = self.call("POST", "/api/v1/articles", {
                    "type": "faq", "language": "en", "title": name, "body": f"Durability article {name}."})
                if status == 201:
                    status, data = self.call("POST", f"/api/v1/articles/{data['id']}/approve", {})
                    if status == 200:
                        self.remember("article", data["id"], name)
            elif kind == 3:
                status, data = self.call("POST", "/api/v1/cases", {"subject": name, "description": "durability"})
                if status == 201:
                    self.remember("case", data["id"], name)
            else:
                status, data = self.call("POST", "/api/v1/accounts", {"name": name, "kind": "company"})
                if status == 201:
                    self.remember("account", data["id"], name)

    def remember(self, kind, id, name):
        with self.lock:
            self.acknowledged.append((kind, id, name))


def verify(port, token, acknowledged):
    """Every acknowledged write, read back: the list of the missing ones."""
    missing = []
    for kind, id, name in acknowledged:
        path = {"account": f"/api/v1/accounts/{id}", "article": f"/api/v1/articles/{id}", "case": f"/api/v1/cases/{id}"}[kind]
        status, data, _ = request(port, token, "GET", path)
        if status != 200:
            missing.append(f"{kind} {id} ({name}): {status}")
        elif kind == "article" and data.get("status") != "published":
            missing.append(f"article {id} ({name}) is {data.get('status')}, was published")
        elif data.get("title", data.get("name", data.get("subject"))) != name:
            missing.append(f"{kind} {id}: expected {name!r}")
    # The index holds what the rows hold: a published article is found by its title.
    for kind, id, name in acknowledged[-20:]:
        if kind == "article":
            status, data, _ = request(port, token, "GET", "/api/v1/kb/search?q=" + name.split(" ")[0].replace("-", "+") + "&limit=100")
            if status != 200 or not any(h["article"]["id"] == id for h in data["data"]):
                missing.append(f"article {id} ({name}) is not found by search")
    return missing


def token_for(binary, database, email):
    out = subprocess.run([binary, "user", "token", email, "--database", database, "--name", "durability"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def sqlite_rounds(args, log):
    folder = tempfile.mkdtemp(prefix="lore-durability-")
    database = os.path.join(folder, "durability.db")
    server = Server(args.binary, database, args.port, log)
    server.start()
    token = token_for(args.binary, database, "admin@durability.test")
    acknowledged, failures, kills = [], [], []
    # A second server on the same port must fail at once, say why, and exit non-zero (a supervisor then retries).
    second = subprocess.run([args.binary, "serve", "--database", database, "--port", str(args.port), "--log-format", "text"],
                            capture_output=True, text=True, timeout=60)
    if second.returncode == 0 or "could not start" not in second.stderr + second.stdout or "already in use" not in second.stderr:
        failures.append(f"a server that cannot bind exited {second.returncode} with: {second.stderr[-300:]}")
    for round in range(args.rounds):
        writers = Writers(args.port, token, f"r{round}")
        writers.start()
        delay = random.uniform(0.5, 2.5)
        time.sleep(delay)
        server.kill()
        writers.stop()
        kills.append(delay)
        server.start()
        missing = verify(args.port, token, writers.acknowledged)
        failures += [f"round {round}: {m}" for m in missing]
        acknowledged += writers.acknowledged
        print(f"  round {round + 1}: killed after {delay:.2f} s; {len(writers.acknowledged)} acknowledged writes, "
              f"{len(missing)} missing", flush=True)
    failures += [f"after all rounds: {m}" for m in verify(args.port, token, acknowledged)]
    if not server.stop():
        failures.append("the server did not stop within 30 s of SIGTERM")
    check = subprocess.run([args.binary, "check", "--database", database], capture_output=True, text=True)
    if check.returncode != 0:
        failures.append("lore check: " + check.stdout + check.stderr)
    print(f"sqlite: {args.rounds} kill -9 rounds, {len(acknowledged)} acknowledged writes, {len(failures)} failures; "
          f"lore check: {'ok' if check.returncode == 0 else 'FAILED'}")
    return failures


def unhandled_errors(log_path):
    """The server's own account of its 500s, so a failure in CI explains itself."""
    with open(log_path, encoding="utf-8", errors="replace") as f:
        return [line.strip()[:1200] for line in f if "unhandled error" in line][:5]


def postgres_restart(args, log):
    import urllib.parse

    name = "durability_" + str(os.getpid())
    subprocess.run(["psql", args.pg_url, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True, capture_output=True)
    subprocess.run(["psql", args.pg_url, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    parts = urllib.parse.urlsplit(args.pg_url)
    url = urllib.parse.urlunsplit(parts._replace(path="/" + name))
    server = Server(args.binary, url, args.port, log)
    server.start()
    token = token_for(args.binary, url, "admin@durability.test")
    writers = Writers(args.port, token, "pg")
    writers.start()
    time.sleep(2)
    down = time.time()
    ctl = ["su", "postgres", "-c", f"/usr/lib/postgresql/15/bin/pg_ctl -D {args.pg_data} -w -m fast restart >/dev/null"]
    subprocess.run(ctl, check=True)
    up = time.time()
    time.sleep(8)
    writers.stop()
    failures = []
    after = [(t, s) for t, s, _, _, _ in writers.answers if t >= up and s is not None and 200 <= s < 300]
    back = (after[0][0] - up) if after else None
    if back is None or back > 5:
        failures.append(f"Lore took no write within 5 s of PostgreSQL accepting connections (first success: {back})")
    outage = [a for a in writers.answers if down <= a[0] <= up + (back or 0) + 1]
    bad = [a for a in outage if a[1] is not None and not (200 <= a[1] < 300 or (a[1] == 503 and a[2]))]
    slow = [a for a in writers.answers if a[3] > 12]
    unavailable = sum(1 for a in outage if a[1] == 503)
    if bad:
        failures.append(f"{len(bad)} answers during the restart were neither a success nor a 503 with Retry-After: "
                        f"{sorted(set((a[1], a[4]) for a in bad))}; the server said: {unhandled_errors(log.name)}")
    if slow:
        failures.append(f"{len(slow)} requests took over 12 s (the longest {max(a[3] for a in slow):.1f} s): {[a[4] for a in slow]}")
    missing = verify(args.port, token, writers.acknowledged)
    failures += missing
    statuses = {}
    for a in outage:
        statuses[a[1]] = statuses.get(a[1], 0) + 1
    print(f"  answers while the database restarted: {statuses}", flush=True)
    if not server.stop():
        failures.append("the server did not stop within 30 s of SIGTERM after the restart")
    subprocess.run(["psql", args.pg_url, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)
    print(f"postgres: restart took {up - down:.2f} s; {unavailable} answers were 503 with Retry-After meanwhile; "
          f"writes again {back if back is None else round(back, 2)} s after the database was back; "
          f"{len(writers.acknowledged)} acknowledged writes, {len(missing)} missing")
    return failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/lore")
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--port", type=int, default=18282)
    parser.add_argument("--pg-url")
    parser.add_argument("--pg-data")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    random.seed(args.seed)
    log = tempfile.NamedTemporaryFile("w", prefix="lore-durability-", suffix=".log", delete=False)
    failures = sqlite_rounds(args, log) if args.engine == "sqlite" else postgres_restart(args, log)
    for f in failures:
        print("  FAILED " + f)
    print(f"server log: {log.name}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
