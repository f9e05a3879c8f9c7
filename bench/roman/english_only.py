#!/usr/bin/env python3
"""Does the Roman Urdu bridge change anything on English-only indexes? (issue 17)

  english_only.py --khabar build/cli/khabar --work /tmp/roman-en [--shared DIR]

Indexes the English corpora of bench/relevance from the shared files themselves (Reuters-21578
tarball, CACM cacm.all, BBC zip; skipped when absent; kept in --work and reused), then runs
`khabar search --json -n 100` with and without `--no-roman` for
  - the 200 English queries of bench/roman/run.py (Reuters titles, seed 42) on Reuters,
  - the English queries of bench/relevance/regression/queries.tsv on Reuters,
  - the cacm-* queries of bench/relevance/regression/shared.tsv on CACM,
  - the en-* queries of bench/relevance/regression/shared.tsv on BBC,
and compares the whole JSON output (begin, hits with ids and scores, summary) with every
`elapsed_ms` removed. Prints per set: queries, identical outputs, queries with a `roman_urdu`
field in the begin object; and the first differences, if any. Exit status 1 on a difference.
"""
import argparse, csv, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from run import english_queries  # noqa: E402


def strip(obj):
    if isinstance(obj, dict):
        return {k: strip(v) for k, v in obj.items() if k != "elapsed_ms"}
    if isinstance(obj, list):
        return [strip(v) for v in obj]
    return obj


def search(binary, db, query, extra=()):
    r = subprocess.run([binary, "search", "--db", db, "--json", "-n", "100", *extra, "--", query],
                       capture_output=True, text=True)
    lines = []
    for line in r.stdout.splitlines():
        try:
            lines.append(strip(json.loads(line)))
        except ValueError:
            lines.append(line)
    return lines


def regression_sets():
    """(set name, corpus, queries) from bench/relevance/regression."""
    rel = os.path.join(REPO, "bench", "relevance", "regression")
    en_known = [r[3] for r in csv.reader(open(os.path.join(rel, "queries.tsv"), encoding="utf-8"), delimiter="\t")
                if r and not r[0].startswith("#") and r[1] == "en"]
    shared = [r for r in csv.reader(open(os.path.join(rel, "shared.tsv"), encoding="utf-8"), delimiter="\t")
              if r and not r[0].startswith("#")]
    return [("regression/queries.tsv en", "reuters", en_known),
            ("regression/shared.tsv cacm-*", "cacm", [r[2] for r in shared if r[0].startswith("cacm")]),
            ("regression/shared.tsv en-*", "bbc", [r[2] for r in shared if r[0].startswith("en-")])]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--khabar", required=True)
    ap.add_argument("--work", required=True, help="directory for the indexes")
    ap.add_argument("--shared", default=os.environ.get("KHABAR_SHARED_DIR", os.path.join(REPO, "..", "shared")))
    a = ap.parse_args()
    corpora = os.path.join(a.shared, "corpora")
    files = {"reuters": os.path.join(corpora, "reuters21578.tar.gz"),
             "cacm": os.path.join(corpora, "cacm", "cacm.all"),
             "bbc": os.path.join(corpora, "bbc-news-2225.zip")}
    os.makedirs(a.work, exist_ok=True)
    dbs = {}
    for name, path in files.items():
        if not os.path.exists(path):
            print(f"skip {name}: no {path}")
            continue
        db = os.path.join(a.work, name + ".db")
        if not os.path.isdir(db):
            # exit status 1 when a record was skipped (Reuters: one with no title or body)
            r = subprocess.run([a.khabar, "index", "--db", db, path], capture_output=True, text=True)
            print(f"index {name}: exit {r.returncode}; {r.stderr.strip().splitlines()[0]}")
        dbs[name] = db
    sets = [("run.py English queries (seed 42)", "reuters", english_queries(a.shared))] + regression_sets()
    diffs = 0
    for name, corpus, queries in sets:
        if corpus not in dbs:
            continue
        same = bridged = 0
        for q in queries:
            on = search(a.khabar, dbs[corpus], q)
            off = search(a.khabar, dbs[corpus], q, ["--no-roman"])
            if any(isinstance(j, dict) and j.get("type") == "begin" and j["data"].get("roman_urdu") for j in on):
                bridged += 1
            if on == off:
                same += 1
            elif diffs < 5:
                diffs += 1
                print(f"  DIFF on {corpus}: {q!r}")
            else:
                diffs += 1
        print(f"{name} on {corpus}: {len(queries)} queries, identical {same}, with roman_urdu {bridged}")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
