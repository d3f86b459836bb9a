#!/usr/bin/env python3
"""Open-loop mixed load on a running Lore: a fixed request rate, latency measured from each request's scheduled
start (so a stall shows up in the percentiles instead of slowing the generator down: no coordinated omission).

The mix is what a service desk and sales team do through the API in a working day: reads of one record, lists
with filters and sorting, knowledge-base searches, case queues, and writes (new interactions, account edits).

Usage: mixed_load.py --port 8080 --token TOKEN --rate 1000 --duration 30 [--connections 48] [--pid SERVER_PID]
Prints one JSON object: achieved rate, errors, p50/p90/p99/max overall and per kind, and the server's RSS.
"""

import argparse
import asyncio
import json
import random
import time
import urllib.parse

SEARCHES = ["退款", "发票", "路由器 重启", "invoice", "refund policy", "网关 固件", "password reset", "合同 续签", "VPN", "报价"]


def rss_mb(pid):
    if not pid:
        return None
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


class Client:
    """One keep-alive HTTP/1.1 connection: a request at a time."""

    def __init__(self, port, token):
        self.port, self.token = port, token
        self.reader = self.writer = None

    async def connect(self):
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def call(self, method, path, body=None):
        if self.writer is None:
            await self.connect()
        payload = json.dumps(body).encode() if body is not None else b""
        auth = f"Authorization: Bearer {self.token}\r\n" if self.token else ""
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}"
                f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n")
        self.writer.write(head.encode() + payload)
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length, close = 0, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
            if name.lower() == "connection" and value.strip().lower() == "close":
                close = True
        if length:
            await self.reader.readexactly(length)
        if close:
            self.writer.close()
            self.writer = None
        return status


def plan(ids, rng):
    """One request of the mix: (kind, method, path, body)."""
    r = rng.random()
    account = rng.choice(ids["accounts"])
    if r < 0.35:
        return "get", "GET", f"/api/v1/accounts/{account}", None
    if r < 0.45:
        return "get", "GET", f"/api/v1/contacts/{rng.choice(ids['contacts'])}", None
    if r < 0.60:
        sort = rng.choice(["name", "-created_at", "-updated_at"])
        return "list", "GET", f"/api/v1/accounts?limit=20&sort={sort}", None
    if r < 0.67:
        return "list", "GET", f"/api/v1/interactions?account_id={account}&limit=20", None
    if r < 0.80:
        q = urllib.parse.quote_plus(rng.choice(SEARCHES))
        return "search", "GET", f"/api/v1/kb/search?q={q}&limit=10", None
    if r < 0.88:
        return "cases", "GET", "/api/v1/cases?queue=all&limit=20", None
    if r < 0.95:
        return "write", "POST", "/api/v1/interactions", {
            "account_id": account, "kind": "call", "direction": "outbound", "subject": f"Follow-up {rng.random():.6f}",
            "occurred_at": "2026-12-07T10:00:00Z"}
    return "write", "PATCH", f"/api/v1/accounts/{account}", {"region": rng.choice(["华东", "华北", "华南", "East", "North"])}


async def fetch_ids(port, token):
    client = Client(port, token)
    ids = {}
    for kind in ("accounts", "contacts"):
        # The first pages are enough to spread reads over many rows.
        client.writer = None
        await client.connect()
        path = f"/api/v1/{kind}?limit=200"
        head = f"GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
        client.writer.write(head.encode())
        raw = await client.reader.read()
        body = raw.split(b"\r\n\r\n", 1)[1]
        if b"\r\n" in body.split(b"{", 1)[0]:  # chunked
            body = b"".join(body.split(b"\r\n")[1::2])
        ids[kind] = [row["id"] for row in json.loads(body)["data"]]
    return ids


async def run(args):
    ids = {} if args.baseline else await fetch_ids(args.port, args.token)
    rng = random.Random(args.seed)
    clients = [Client(args.port, args.token) for _ in range(args.connections)]
    for c in clients:
        await c.connect()
    idle = asyncio.Queue()
    for c in clients:
        idle.put_nowait(c)
    results = []  # (kind, status, latency seconds)
    rss_before = rss_mb(args.pid)

    async def one(scheduled, request):
        kind, method, path, body = request
        client = await idle.get()
        try:
            status = await client.call(method, path, body)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            status = None
            client.writer = None
        idle.put_nowait(client)
        results.append((kind, status, time.perf_counter() - scheduled))

    tasks = []
    start = time.perf_counter() + 0.2
    total = int(args.rate * args.duration)
    for i in range(total):
        scheduled = start + i / args.rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        request = ("hello", "GET", "/bench/hello", None) if args.baseline else plan(ids, rng)
        tasks.append(asyncio.create_task(one(scheduled, request)))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start

    def percentiles(latencies):
        latencies = sorted(latencies)
        if not latencies:
            return {}
        pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000, 2)
        return {"n": len(latencies), "p50_ms": pick(0.50), "p90_ms": pick(0.90), "p99_ms": pick(0.99),
                "max_ms": round(latencies[-1] * 1000, 2)}

    errors = [r for r in results if r[1] is None or r[1] >= 400]
    report = {
        "rate_asked": args.rate, "rate_achieved": round(len(results) / elapsed, 1), "duration_s": round(elapsed, 1),
        "requests": len(results), "errors": len(errors),
        "error_statuses": sorted({f"{e[0]} {e[1]}" for e in errors}),
        "all": percentiles([r[2] for r in results]),
        "by_kind": {k: percentiles([r[2] for r in results if r[0] == k]) for k in sorted({r[0] for r in results})},
        "rss_mb_before": rss_before, "rss_mb_after": rss_mb(args.pid),
    }
    print(json.dumps(report, ensure_ascii=False))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", default="")
    parser.add_argument("--baseline", action="store_true", help="only GET /bench/hello (lore serve --benchmark-routes)")
    parser.add_argument("--rate", type=float, default=1000)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--connections", type=int, default=48)
    parser.add_argument("--pid", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
