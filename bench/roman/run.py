#!/usr/bin/env python3
"""Roman Urdu bench (issue 17): measured through the khabar binary on the TEST slug pairs.

  run.py --khabar build/cli/khabar --ha405 HA405.db --mixed MIXED.db [--shared DIR]
         [--bench build/bench/bench_roman [--callgrind]] [--only latency]
         [--pairs DIR] [--english-seed N]

  --pairs DIR       where pairs_test.tsv and articles_test.tsv are (default: bench/roman; a
                    re-split's from `learn.py --seed S --pairs DIR`)
  --english-seed N  the seed of the 200-query Reuters sample of 3 (default 42)

  HA405.db  khabar index of ../shared/corpora/urdu-news-ha405
  MIXED.db  khabar index of urdu-news-ha405 and reuters21578.tar.gz together

1. top-3: for every test pair (bench/roman/pairs_test.tsv, written by
   scripts/roman_urdu/learn.py from the articles its seeded hash puts in test), is the headline's
   Urdu word among the Urdu spellings khabar adds for the slug word (`--analyze`, at most 3)?
   Split by kind: slugs in Roman Urdu, and the aligned words of the other (English) slugs, which
   are names. Pairs whose Urdu is two words (a joined slug word) are counted apart.
2. article: the test article in the top 10 of a search for its Roman words (the whole slug for a
   Roman Urdu slug, the aligned words for the others), on HA405.db.
3. noise: 200 English queries (Reuters titles, 2-4 content words, seeded sample) on MIXED.db:
   how many had words bridged, and how many gained Urdu hits in the top 10, against --no-roman.
4. end-to-end CLI delta: p50 of the search's elapsed_ms (JSON summary) with and without
   --no-roman, for the Roman queries of 2 and the English queries of 3: one `khabar search`
   process per query. It is not the bridge's cost: a bridged Roman query finds other (Urdu)
   articles than the unbridged one, and their stored records and snippets are work the
   unbridged query never does.
5. the bridge's own cost (with --bench): bench/bench_roman times khabar::bridge_roman alone,
   in-process, on a freshly opened database for each call (page cache warm, nothing else carried
   over, as in one search process): p50/p90 over the Roman queries on HA405.db and the English
   queries on MIXED.db, with the index-time Urdu vocabulary table ("table") and with the term
   list walk that databases without the table get ("walk"). With --callgrind also the
   instructions of each query's bridge call (valgrind, load-independent), p50/p90.
"""
import argparse, csv, glob, json, os, random, re, statistics, subprocess, sys, tarfile, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts", "roman_urdu"))
from learn import norm_urdu  # noqa: E402


def khabar(args, binary):
    r = subprocess.run([binary] + args, capture_output=True, text=True)
    return r.stdout, r.stderr


def search_json(binary, db, query, extra=()):
    out, _ = khabar(["search", "--db", db, "--json", "-n", "10", *extra, "--", query], binary)
    begin, hits, summary = {}, [], {}
    for line in out.splitlines():
        try:
            j = json.loads(line)
        except ValueError:
            continue
        if j.get("type") == "begin":
            begin = j["data"]
        elif j.get("type") == "hit":
            hits.append(j["data"])
        elif j.get("type") == "summary":
            summary = j["data"]
    return begin, hits, summary


def spellings_of(binary, db, words):
    """word -> Urdu spellings khabar adds, from --analyze over batches of words."""
    out = {}
    words = sorted(set(words))
    for k in range(0, len(words), 40):
        batch = [w for w in words[k:k + 40] if w != "e"]
        text, _ = khabar(["search", "--db", db, "--analyze", "--", " ".join(batch)], binary)
        for line in text.splitlines():
            m = re.match(r"roman urdu: (\S+) → (.*)$", line)
            if m:
                out[m.group(1)] = [norm_urdu(u) for u in m.group(2).split(", ")]
    return out


def english_queries(shared, n=200, seed=42):
    """Reuters titles -> 2-4 word queries (lowercase content words), seeded."""
    titles = []
    with tarfile.open(os.path.join(shared, "corpora", "reuters21578.tar.gz")) as tar:
        for m in tar:
            if m.name.endswith(".sgm"):
                text = tar.extractfile(m).read().decode("latin-1")
                titles += re.findall(r"<TITLE>(.*?)</TITLE>", text)
    stop = set(open(os.path.join(shared, "corpora", "cacm", "common_words")).read().split())
    rng = random.Random(seed)
    rng.shuffle(titles)
    out = []
    for t in titles:
        words = [w for w in re.findall(r"[a-z]+", t.lower()) if w not in stop and len(w) > 2]
        if len(words) >= 2:
            out.append(" ".join(words[:4]))
        if len(out) == n:
            break
    return out


def bridge_cost(bench, db, queries, callgrind):
    """bench_roman over `queries`: {mode: summary line}, and instruction p50/p90 with callgrind."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        qfile = os.path.join(tmp, "queries.txt")
        with open(qfile, "w", encoding="utf-8") as f:
            f.write("\n".join(queries) + "\n")
        for mode, extra in (("table", []), ("walk", ["--walk"])):
            r = subprocess.run([bench, db, qfile, *extra], capture_output=True, text=True, check=True)
            out[mode] = r.stdout.strip().splitlines()[-1]
            if not callgrind:
                continue
            prefix = os.path.join(tmp, f"cg.{mode}")
            subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no",
                            f"--callgrind-out-file={prefix}.%p", bench, db, qfile, *extra],
                           capture_output=True, text=True, check=True)
            counts = []
            for f in glob.glob(prefix + ".*.*"):  # one part per query (the last: the rest)
                for line in open(f):
                    if line.startswith("totals:"):
                        counts.append(int(line.split()[1]))
            q = statistics.quantiles(counts, n=10)
            out[mode] += f"; instructions p50 {statistics.median(counts):,.0f}, p90 {q[8]:,.0f}"
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--khabar", required=True)
    ap.add_argument("--ha405", required=True)
    ap.add_argument("--mixed", required=True)
    ap.add_argument("--bench", help="build/bench/bench_roman: the bridge's own cost (measure 5)")
    ap.add_argument("--callgrind", action="store_true", help="with --bench: instructions too")
    ap.add_argument("--only", choices=["latency"], help="only measure 5 (needs --bench)")
    ap.add_argument("--pairs", default=HERE, help="directory of pairs_test.tsv and articles_test.tsv")
    ap.add_argument("--english-seed", type=int, default=42, help="seed of the English query sample")
    ap.add_argument("--shared", default=os.environ.get("KHABAR_SHARED_DIR", os.path.join(HERE, "..", "..", "..", "shared")))
    a = ap.parse_args()
    rows = list(csv.DictReader(open(os.path.join(a.pairs, "pairs_test.tsv"), encoding="utf-8"), delimiter="\t"))
    arts = list(csv.DictReader(open(os.path.join(a.pairs, "articles_test.tsv"), encoding="utf-8"), delimiter="\t"))
    if a.only == "latency":
        if not a.bench:
            ap.error("--only latency needs --bench")
        report_bridge_cost(a, roman_queries(rows, arts), english_queries(a.shared, seed=a.english_seed))
        return
    # 1. top-3
    sp = spellings_of(a.khabar, a.ha405, [r["latin"] for r in rows])
    res = {}
    for r in rows:
        kind = r["kind"] if " " not in r["urdu"] else "joined"
        ok = norm_urdu(r["urdu"]) in sp.get(r["latin"], [])
        t = res.setdefault(kind, [0, 0])
        t[0] += ok
        t[1] += 1
    print("## top-3 spellings (test pairs)")
    for kind, (ok, n) in sorted(res.items()):
        print(f"{kind:8} {ok}/{n} = {ok / n:.3f}")
    # 2. article in the top 10
    print("## article in the top 10 by its Roman words (ha405 index)")
    found = {}
    lat_on, lat_off, nwords = [], [], []
    for art, q in zip(arts, article_queries(rows, arts)):
        if not q:
            continue
        nwords.append(len(q.split()))
        want = "express-articles-" + art["article"]
        begin, hits, summ = search_json(a.khabar, a.ha405, q)
        ok = any(h["id"] == want for h in hits)
        t = found.setdefault(art["kind"], [0, 0])
        t[0] += ok
        t[1] += 1
        lat_on.append(summ.get("elapsed_ms", 0))
        lat_off.append(search_json(a.khabar, a.ha405, q, ["--no-roman"])[2].get("elapsed_ms", 0))
    tot = [sum(v[0] for v in found.values()), sum(v[1] for v in found.values())]
    for kind, (ok, n) in sorted(found.items()) + [("all", tot)]:
        print(f"{kind:8} {ok}/{n} = {ok / n:.3f}")
    # 3. noise
    print(f"## noise: 200 English queries (sample seed {a.english_seed}) on ha405 + Reuters")
    qs = english_queries(a.shared, seed=a.english_seed)
    bridged = gained = 0
    en_on, en_off = [], []
    examples = []
    for q in qs:
        b1, h1, s1 = search_json(a.khabar, a.mixed, q)
        b0, h0, s0 = search_json(a.khabar, a.mixed, q, ["--no-roman"])
        en_on.append(s1.get("elapsed_ms", 0))
        en_off.append(s0.get("elapsed_ms", 0))
        if b1.get("roman_urdu"):
            bridged += 1
            examples.append((q, b1["roman_urdu"]))
        if sum(h["lang"] == "ur" for h in h1) > sum(h["lang"] == "ur" for h in h0):
            gained += 1
    print(f"queries {len(qs)}; with a bridged word {bridged}; gained Urdu hits in the top 10 {gained}")
    for q, r in examples[:10]:
        print(f"  {q!r}: {json.dumps(r, ensure_ascii=False)}")
    # 4. latency
    p50 = statistics.median
    print("## end-to-end CLI delta: p50 elapsed_ms of `khabar search --json`, bridge on and off")
    print("(not the bridge's cost: the bridged Roman query finds other hits, whose records and")
    print(" snippets the --no-roman query never reads; measure 5 times the bridge alone)")
    print(f"roman queries: {len(nwords)}, median {p50(nwords)} words each")
    print(f"roman queries on ha405:   bridge {p50(lat_on):.2f} ms, --no-roman {p50(lat_off):.2f} ms, added {p50(lat_on) - p50(lat_off):.2f} ms")
    print(f"english queries on mixed: bridge {p50(en_on):.2f} ms, --no-roman {p50(en_off):.2f} ms, added {p50(en_on) - p50(en_off):.2f} ms")
    if a.bench:
        report_bridge_cost(a, [q for q in article_queries(rows, arts) if q], qs)


def article_queries(rows, arts):
    """Per test article its Roman words as a query: the whole slug for a Roman Urdu slug, the
    aligned words (names) for the others ("" when none)."""
    by_article = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r["latin"])
    return [" ".join(art["slug"].split() if art["kind"] == "roman" else by_article.get(art["article"], []))
            for art in arts]


def roman_queries(rows, arts):
    return [q for q in article_queries(rows, arts) if q]


def report_bridge_cost(a, roman, english):
    print("## the bridge's own cost: khabar::bridge_roman in-process (bench/bench_roman), per query")
    for name, db, qs in (("roman queries on ha405", a.ha405, roman),
                         ("english queries on mixed", a.mixed, english)):
        for mode, line in bridge_cost(a.bench, db, qs, a.callgrind).items():
            print(f"{name}, {mode}: {line}")


if __name__ == "__main__":
    main()
