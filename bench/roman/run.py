#!/usr/bin/env python3
"""Roman Urdu bench (issue 17): measured through the khabar binary on the TEST slug pairs.

  run.py --khabar build/cli/khabar --ha405 HA405.db --mixed MIXED.db [--shared DIR]

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
4. latency: p50 of the search's elapsed_ms (JSON summary) with and without --no-roman, for the
   Roman queries of 2 and the English queries of 3.
"""
import argparse, csv, hashlib, json, os, random, re, statistics, subprocess, sys, tarfile

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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--khabar", required=True)
    ap.add_argument("--ha405", required=True)
    ap.add_argument("--mixed", required=True)
    ap.add_argument("--shared", default=os.environ.get("KHABAR_SHARED_DIR", os.path.join(HERE, "..", "..", "..", "shared")))
    a = ap.parse_args()
    rows = list(csv.DictReader(open(os.path.join(HERE, "pairs_test.tsv"), encoding="utf-8"), delimiter="\t"))
    arts = list(csv.DictReader(open(os.path.join(HERE, "articles_test.tsv"), encoding="utf-8"), delimiter="\t"))
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
    by_article = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r["latin"])
    print("## article in the top 10 by its Roman words (ha405 index)")
    found = {}
    lat_on, lat_off, nwords = [], [], []
    for art in arts:
        words = art["slug"].split() if art["kind"] == "roman" else by_article.get(art["article"], [])
        if not words:
            continue
        q = " ".join(words)
        nwords.append(len(words))
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
    print("## noise: 200 English queries on ha405 + Reuters")
    qs = english_queries(a.shared)
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
    print("## latency p50 (elapsed_ms of the search)")
    print(f"roman queries: {len(nwords)}, median {p50(nwords)} words each")
    print(f"roman queries on ha405:   bridge {p50(lat_on):.2f} ms, --no-roman {p50(lat_off):.2f} ms, added {p50(lat_on) - p50(lat_off):.2f} ms")
    print(f"english queries on mixed: bridge {p50(en_on):.2f} ms, --no-roman {p50(en_off):.2f} ms, added {p50(en_on) - p50(en_off):.2f} ms")


if __name__ == "__main__":
    main()
