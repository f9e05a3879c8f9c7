#!/usr/bin/env python3
"""Latency and load of `khabar serve` (issue 16), against the in-process search time and the CLI.

  python3 bench/serve/load.py --khabar build/cli/khabar --db DB [--clients 8] [--requests 2000]

Starts `khabar serve` on a free port over DB, then
  1. latency: each query of QUERIES 50 times in turn over one keep-alive connection: the round
     trip of /api/search, and the search's own time as the API reports it (summary.elapsed_ms,
     measured inside Searcher::search), p50 and p95 of both and of their difference;
  2. the CLI: `khabar search --json` for the same queries (a whole process each), p50 and p95;
  3. load: CLIENTS processes × REQUESTS requests each (queries in turn), errors, p50/p99 of the
     round trip, requests per second, and the server's resident memory before, after a first
     half and at the end (flat memory: the second half adds nothing).
Python's http.client is the client; its own cost is in the round trip (a few tens of µs).
"""
import argparse
import http.client
import json
import multiprocessing
import statistics
import subprocess
import time
import urllib.parse

QUERIES = ["cocoa", "oil", '"oil prices"', "wheat exports", "coffee", "gold", "title:cocoa",
           "bank rate", "oil -section:crude", "sugar OR coffee", "infla*", "crude NEAR/5 prices",
           "وزیر اعظم", "پاکستان", "shipping", "dollar", "opec", "grain", "date:1987-03 oil",
           "cocao"]


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def target(q):
    return "/api/search?" + urllib.parse.urlencode({"q": q})


def client(args):
    port, n, offset = args
    conn = http.client.HTTPConnection("127.0.0.1", port)
    times, errors = [], 0
    for i in range(n):
        q = QUERIES[(i + offset) % len(QUERIES)]
        t = time.perf_counter()
        try:
            conn.request("GET", target(q))
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                errors += 1
        except Exception:
            errors += 1
            conn = http.client.HTTPConnection("127.0.0.1", port)
        times.append(time.perf_counter() - t)
    return times, errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--khabar", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=50)
    a = ap.parse_args()
    server = subprocess.Popen([a.khabar, "serve", "--db", a.db, "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = server.stdout.readline().strip()
        port = int(url.rsplit(":", 1)[1].strip("/"))
        conn = http.client.HTTPConnection("127.0.0.1", port)
        for q in QUERIES:  # warm: every query once
            conn.request("GET", target(q))
            conn.getresponse().read()
        rtt, inproc, over = [], [], []
        for _ in range(a.repeat):
            for q in QUERIES:
                t = time.perf_counter()
                conn.request("GET", target(q))
                body = conn.getresponse().read()
                ms = (time.perf_counter() - t) * 1000
                e = json.loads(body)["summary"]["elapsed_ms"]
                rtt.append(ms)
                inproc.append(e)
                over.append(ms - e)
        print(f"latency, {a.repeat} x {len(QUERIES)} queries over one keep-alive connection (ms):")
        for name, v in (("round trip", rtt), ("in-process search", inproc),
                        ("round trip - in-process", over)):
            print(f"  {name:24} p50 {pct(v, 50):7.3f}  p95 {pct(v, 95):7.3f}")
        cli = []
        for _ in range(3):
            for q in QUERIES:
                t = time.perf_counter()
                subprocess.run([a.khabar, "search", "--json", "--db", a.db, q],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                cli.append((time.perf_counter() - t) * 1000)
        print(f"  {'CLI (whole process)':24} p50 {pct(cli, 50):7.3f}  p95 {pct(cli, 95):7.3f}")

        rss0 = rss_kb(server.pid)
        half = a.requests // 2
        results = []
        with multiprocessing.Pool(a.clients) as pool:
            t0 = time.perf_counter()
            for phase in range(2):
                results += pool.map(client, [(port, half, i * 3 + phase) for i in range(a.clients)])
                if phase == 0:
                    rss1 = rss_kb(server.pid)
            wall = time.perf_counter() - t0
        rss2 = rss_kb(server.pid)
        times = [t * 1000 for ts, _ in results for t in ts]
        errors = sum(e for _, e in results)
        print(f"load: {a.clients} clients x {2 * half} requests = {len(times)} requests in "
              f"{wall:.1f} s ({len(times) / wall:.0f}/s), errors {errors}")
        print(f"  round trip p50 {pct(times, 50):.3f} ms  p99 {pct(times, 99):.3f} ms  "
              f"max {max(times):.3f} ms")
        print(f"  server RSS: {rss0 / 1024:.1f} MB before, {rss1 / 1024:.1f} MB after half, "
              f"{rss2 / 1024:.1f} MB at the end")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
