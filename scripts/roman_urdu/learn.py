#!/usr/bin/env python3
"""Learn the Roman Urdu -> Urdu table from Express slugs (urdu-news-ha405).

Express URLs end in a slug that spells the headline in Latin letters: mostly an English
translation with the names kept, about a third Roman Urdu. This script

  1. splits the articles by a seeded hash of their id into build and test (test = 30%),
  2. aligns each build slug with its headline word by word (monotone; a slug word may also
     match two headline words written joined, `ranbirkapoor` = رنبیر کپور), scoring a word pair
     by a letter alignment under the current letter model (hand seed, then re-estimated),
  3. counts the letter-group mappings of the accepted pairs (Viterbi EM, 3 rounds), and
  4. writes searcher/query/roman_urdu_table.inc: letter rules (Latin group, position, Urdu,
     cost) and a short word table (pairs the letter rules miss in their top 3 against the
     corpus vocabulary, the most frequent first).

It also writes the test pairs for bench/roman (bench/roman/pairs_test.tsv) and the build pairs
(pairs_build.tsv, for inspection). Python 3 standard library only.

    python3 scripts/roman_urdu/learn.py [--corpus ../shared/corpora/urdu-news-ha405]
"""

import argparse
import collections
import csv
import hashlib
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SEED = "khabar-roman-1"

# ---------------------------------------------------------------- Urdu normalization (mirrors
# common/analysis/normalizer.cc for the letters that matter here)
DIACRITICS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]")
FOLD = str.maketrans({"\u064A": "\u06CC", "\u0649": "\u06CC", "\u0647": "\u06C1", "\u06D5": "\u06C1",
                      "\u06C0": "\u06C1", "\u06C2": "\u06C1", "\u0643": "\u06A9", "\u06AA": "\u06A9",
                      "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627"})
URDU_WORD = re.compile("[\u0621-\u063A\u0641-\u064A\u0679-\u06D3\u0654\u0622]+")


def norm_urdu(s):
    s = s.replace("\u06CC\u0654", "\u0626").replace("\u06D3", "\u0626\u06D2")
    return DIACRITICS.sub("", s).translate(FOLD)


def urdu_words(s):
    return URDU_WORD.findall(norm_urdu(s))


# ---------------------------------------------------------------- seed letter model (hand rules)
# Urdu letter group -> Latin spellings. Used to start the alignment; the learnt counts replace it
# wherever the data speaks. Rules the data is silent on are kept (hand_rules below).
SEED_MAP = {
    "ا": "a aa i u e o", "آ": "aa a", "ب": "b", "بھ": "bh", "پ": "p", "پھ": "ph f", "ت": "t",
    "تھ": "th", "ٹ": "t", "ٹھ": "th", "ث": "s th", "ج": "j g", "جھ": "jh", "چ": "ch c",
    "چھ": "chh ch", "ح": "h", "خ": "kh", "د": "d", "دھ": "dh", "ڈ": "d", "ڈھ": "dh", "ذ": "z",
    "ر": "r", "ڑ": "r rr", "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "ص": "s", "ض": "z",
    "ط": "t", "ظ": "z", "ع": "a e i o u", "غ": "gh", "ف": "f", "ق": "q k", "ک": "k c",
    "کھ": "kh", "گ": "g", "گھ": "gh", "ل": "l", "م": "m", "ن": "n", "ں": "n", "و": "w v o u oo",
    "ہ": "h a e", "ھ": "h", "ی": "i y ee e", "ے": "e ay ai y", "ئ": "i e", "ء": "a",
}
# Rules always in the table, whatever the data says (cost in nats). The data is silent or thin on
# these: ق/ک for k/q, ع in vowels, aspirates with ھ, ے as e/ay, ی as i/ee/y, doubled vowels.
HAND_RULES = [
    ("q", "*", "ق", 0.3), ("k", "*", "ق", 2.0), ("q", "*", "ک", 2.0), ("c", "*", "ک", 1.5),
    ("a", "I", "ع", 2.0), ("aa", "*", "عا", 2.5), ("e", "I", "ع", 2.5), ("i", "I", "ع", 2.0),
    ("u", "I", "ع", 2.5), ("o", "I", "ع", 2.5), ("a", "M", "ع", 3.0), ("", "M", "ع", 4.0),
    ("bh", "*", "بھ", 0.3), ("ph", "*", "پھ", 0.3), ("th", "*", "تھ", 1.0), ("th", "*", "ٹھ", 2.0),
    ("jh", "*", "جھ", 0.3), ("chh", "*", "چھ", 0.3), ("ch", "*", "چھ", 2.0), ("dh", "*", "دھ", 0.5),
    ("dh", "*", "ڈھ", 1.5), ("kh", "*", "کھ", 1.5), ("gh", "*", "گھ", 1.5), ("rh", "*", "ڑھ", 1.0),
    ("e", "F", "ے", 0.5), ("ay", "F", "ے", 0.5), ("ai", "F", "ے", 1.5), ("ey", "F", "ے", 1.0),
    ("i", "*", "ی", 1.0), ("ee", "*", "ی", 0.3), ("y", "*", "ی", 0.7), ("i", "F", "ی", 0.3),
    ("aa", "*", "ا", 0.3), ("oo", "*", "و", 0.3), ("ai", "M", "ائ", 2.0), ("ai", "F", "ائی", 1.5),
    ("a", "F", "ہ", 1.2), ("ah", "F", "ہ", 0.7), ("e", "M", "", 1.5), ("i", "M", "", 1.5),
    ("u", "M", "", 1.5), ("a", "M", "", 1.0), ("o", "*", "و", 0.5), ("u", "*", "و", 1.0),
    ("w", "*", "و", 0.3), ("v", "*", "و", 0.5), ("a", "I", "اع", 1.5), ("e", "I", "اع", 2.0),
    ("ai", "I", "اع", 1.5), ("a", "M", "اع", 2.5), ("h", "*", "ح", 1.5), ("ch", "*", "چ", 0.3),
]
VOWELS = set("aeiouy")
# Names the data is thin on that Reuters also uses (so the English filter below drops them): still
# names across scripts.
HAND_KNOWN = ["balochistan", "bhutto", "bilawal", "imran", "islamabad", "karachi", "lahore",
              "maryam", "nawaz", "peshawar", "punjab", "quetta", "shahbaz", "sharif", "sindh",
              "zardari"]

FUNCTION_WORDS = {"ne", "ki", "ka", "ke", "ko", "se", "mein", "main", "men", "hai", "hain", "kar",
                  "par", "aur", "diya", "dia", "gaya", "gya", "gayi", "gai", "liye", "lye", "kya",
                  "kiya", "kia", "karne", "hui", "hua", "hue", "nahi", "bhi", "ho", "ki", "wala"}


def pos_class(i, a, n):
    if i == 0:
        return "I"
    if i + a == n:
        return "F"
    return "M"


class Model:
    """Cost of Latin group `l` at position class `p` spelling Urdu group `u`."""

    def __init__(self):
        self.cost = {}  # (l, p, u) -> cost

    def pair_cost(self, l, p, u):
        c = self.cost.get((l, p, u))
        if c is None:
            c = self.cost.get((l, "*", u))
        return c

    @staticmethod
    def seeded():
        m = Model()
        for u, ls in SEED_MAP.items():
            for l in ls.split():
                m.cost[(l, "*", u)] = 1.0
                if len(l) == 1 and l not in VOWELS:
                    m.cost[(l + l, "*", u)] = 1.5  # doubled consonant (shadda is stripped)
        for l, p, u, c in HAND_RULES:
            m.cost[(l, p, u)] = min(c, m.cost.get((l, p, u), 9))
        return m


DROP_COST = {"a": 1.0, "e": 1.2, "i": 1.2, "o": 1.8, "u": 1.2, "h": 2.5, "y": 3.0}


def align(latin, urdu, model):
    """Viterbi letter alignment; returns (cost, [(l, p, u)])."""
    n, m = len(latin), len(urdu)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            c0 = best[i][j]
            if c0 == inf:
                continue
            for a in range(0, 4):
                if i + a > n:
                    break
                l = latin[i:i + a]
                p = pos_class(i, a, n) if a else ("I" if i == 0 else "F" if i == n else "M")
                for b in range(0, 3):
                    if j + b > m or (a == 0 and b == 0):
                        continue
                    u = urdu[j:j + b]
                    c = model.pair_cost(l, p, u)
                    if c is None:
                        if b == 0 and a == 1:
                            c = DROP_COST.get(l, 6.0)
                        elif a == 0 and b == 1:
                            c = 3.0 if u in "عاہیوءئ" else 8.0
                        else:
                            continue
                    nc = c0 + c
                    if nc < best[i + a][j + b]:
                        best[i + a][j + b] = nc
                        back[i + a][j + b] = (i, j, l, p, u)
    if best[n][m] == inf:
        return inf, []
    path, i, j = [], n, m
    while (i, j) != (0, 0):
        pi, pj, l, p, u = back[i][j]
        path.append((l, p, u))
        i, j = pi, pj
    return best[n][m], path[::-1]


def word_cost(latin, urdu, model, cache):
    key = (latin, urdu)
    if key not in cache:
        c, path = align(latin, urdu, model)
        cache[key] = (c / max(len(latin), 1), path)
    return cache[key]


PER_CHAR = 0.75  # a pair is accepted below this average cost per Latin letter


def align_sentence(slug_words, title_words, model, cache):
    """Monotone alignment of slug words to headline words (one or two joined)."""
    n, m = len(slug_words), len(title_words)
    best = [[-1e9] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            s = best[i][j]
            if s <= -1e9:
                continue
            moves = []
            if i < n:
                moves.append((1, 0, None, 0.0))
            if j < m:
                moves.append((0, 1, None, 0.0))
            if i < n and j < m:
                for b in (1, 2):
                    if j + b > m:
                        continue
                    u = "".join(title_words[j:j + b])
                    if len(slug_words[i]) < 2:
                        continue
                    c, _ = word_cost(slug_words[i], u, model, cache)
                    gain = PER_CHAR - c - (0.1 if b == 2 else 0.0)
                    if gain > 0:
                        moves.append((1, b, " ".join(title_words[j:j + b]), gain * len(slug_words[i])))
            for a, b, u, g in moves:
                if s + g > best[i + a][j + b]:
                    best[i + a][j + b] = s + g
                    back[i + a][j + b] = (i, j, u)
    pairs, i, j = [], n, m
    while (i, j) != (0, 0):
        pi, pj, u = back[i][j]
        if u is not None:
            pairs.append((slug_words[pi], u))
        i, j = pi, pj
    return pairs[::-1]


def load(corpus):
    csv.field_size_limit(10 ** 9)
    arts, vocab = [], collections.Counter()
    for name in ("express_articles.csv", "samaa_articles.csv"):
        path = os.path.join(corpus, name)
        if not os.path.exists(path):
            continue
        for row in csv.DictReader(open(path, encoding="utf-8")):
            vocab.update(urdu_words(row["title"]))
            vocab.update(urdu_words(row["content"]))
            mo = re.search(r"express\.pk/story/\d+/([a-z0-9-]+)/?$", row["link"])
            if name.startswith("express") and mo:
                slug = [w for w in mo.group(1).split("-") if w and not w.isdigit()]
                arts.append((row["id"], slug, urdu_words(row["title"])))
    return arts, vocab


def is_test(article_id, seed=SEED):
    h = hashlib.sha1((seed + article_id).encode()).digest()
    return h[0] % 10 < 3


def is_roman_urdu(slug):
    return sum(1 for w in slug if w in FUNCTION_WORDS) >= 2


def reestimate(pair_paths):
    counts = collections.Counter()
    totals = collections.Counter()
    for path in pair_paths:
        for l, p, u in path:
            counts[(l, p, u)] += 1
            totals[(l, p)] += 1
    for (l, p, u), c in list(counts.items()):  # pooled over positions, for sparse groups
        counts[(l, "*", u)] += c
        totals[(l, "*")] += c
    m = Model()
    for (l, p, u), c in counts.items():
        if c < 2 or l == "":
            continue
        prob = (c + 0.1) / (totals[(l, p)] + 1.0)
        if prob < 0.03:
            continue
        m.cost[(l, p, u)] = round(-math.log(prob), 2)
    for l, p, u, c in HAND_RULES:  # where the data is silent
        if (l, p, u) not in m.cost:
            m.cost[(l, p, u)] = c
    return m, counts


# ---------------------------------------------------------------- generation (mirrors
# searcher/query/roman_urdu.cc: prefix-pruned beam over the letter rules, vocabulary words only)
class Vocab:
    def __init__(self, counter):
        self.freq = counter
        self.prefixes = set()
        for w in counter:
            for k in range(1, len(w) + 1):
                self.prefixes.add(w[:k])


BEAM = 64


def generate(latin, rules, vocab, top=3):
    n = len(latin)
    states = [dict() for _ in range(n + 1)]  # pos -> {urdu prefix: cost}
    states[0][""] = 0.0
    for i in range(n + 1):
        items = sorted(states[i].items(), key=lambda kv: kv[1])[:BEAM]
        for u0, c0 in items:
            for a in range(0, 4):
                if i + a > n:
                    break
                l = latin[i:i + a]
                p = pos_class(i, a, n) if a else ("I" if i == 0 else "F" if i == n else "M")
                for (u, c) in rules.get((l, p), []) + rules.get((l, "*"), []):
                    if a == 0 and (i == n or u == ""):
                        continue
                    nu = u0 + u
                    if nu and nu not in vocab.prefixes:
                        continue
                    if a == 0:  # an inserted letter is followed by a real step
                        nc = c0 + c + 0.01  # an inserted letter, then a real step at once
                        for a2 in range(1, 4):
                            if i + a2 > n:
                                break
                            l2 = latin[i:i + a2]
                            p2 = pos_class(i, a2, n)
                            for (u2, c2) in rules.get((l2, p2), []) + rules.get((l2, "*"), []):
                                nu2 = nu + u2
                                if nu2 and nu2 not in vocab.prefixes:
                                    continue
                                if nc + c2 < states[i + a2].get(nu2, 1e9):
                                    states[i + a2][nu2] = nc + c2
                        continue
                    if c0 + c < states[i + a].get(nu, 1e9):
                        states[i + a][nu] = c0 + c
    out = []
    for u, c in states[n].items():
        f = vocab.freq.get(u, 0)
        if f > 0:
            out.append((c - FREQ_WEIGHT * math.log(1 + f), u))
    out.sort()
    return [u for _, u in out[:top]]


FREQ_WEIGHT = 0.5


def rules_index(model):
    idx = collections.defaultdict(list)
    for (l, p, u), c in model.cost.items():
        idx[(l, p)].append((u, c))
    return idx


def english_words(path, min_docs=5):
    """Words in at least `min_docs` Reuters articles: English for the bridge."""
    import tarfile
    df = collections.Counter()
    if not os.path.exists(path):
        return set()
    with tarfile.open(path) as tar:
        for m in tar:
            if not m.name.endswith(".sgm"):
                continue
            text = tar.extractfile(m).read().decode("latin-1")
            for doc in text.split("</REUTERS>"):
                df.update(set(re.findall(r"[a-z]+", doc.lower())))
    return {w for w, c in df.items() if c >= min_docs}


def plausible(latin, urdu):
    """A word-table pair whose Urdu does not start with a letter the Latin lacks (و glued on)."""
    return not (urdu.startswith("و") and latin[0] not in "wvou")


def main():
    ap = argparse.ArgumentParser()
    shared = os.environ.get("KHABAR_SHARED_DIR", os.path.join(REPO, "..", "shared"))
    ap.add_argument("--corpus", default=os.path.join(shared, "corpora", "urdu-news-ha405"))
    ap.add_argument("--out", default=os.path.join(REPO, "searcher", "query", "roman_urdu_table.inc"))
    ap.add_argument("--pairs", default=os.path.join(REPO, "bench", "roman"))
    ap.add_argument("--max-words", type=int, default=200)
    ap.add_argument("--seed", default=SEED, help="split seed (the committed table: " + SEED + ")")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        sys.exit("no corpus at " + args.corpus)
    arts, vocab_counts = load(args.corpus)
    english = english_words(os.path.join(os.path.dirname(args.corpus), "reuters21578.tar.gz"))
    build = [a for a in arts if not is_test(a[0], args.seed)]
    test = [a for a in arts if is_test(a[0], args.seed)]
    model = Model.seeded()
    for rnd in range(3):
        cache = {}
        pairs = []
        for aid, slug, title in build:
            for l, u in align_sentence(slug, title, model, cache):
                pairs.append((aid, l, u, is_roman_urdu(slug)))
        paths = [word_cost(l, u.replace(" ", ""), model, cache)[1] for _, l, u, _ in pairs]
        model, counts = reestimate(paths)
        print(f"round {rnd}: {len(pairs)} build pairs, {len(model.cost)} rules", file=sys.stderr)
    vocab = Vocab(vocab_counts)
    rules = rules_index(model)
    # Word table: build pairs the letter rules miss (not in their top 3), most frequent first.
    missed = collections.Counter()
    hit = 0
    for _, l, u, _ in pairs:
        if " " in u:
            continue
        if u in generate(l, rules, vocab):
            hit += 1
        else:
            missed[(l, u)] += 1
    print(f"letter rules alone: {hit}/{len(pairs)} build pairs in top 3", file=sys.stderr)
    words = [k for k, c in missed.most_common()
             if len(k[0]) >= 3 and plausible(k[0], k[1]) and k[0] not in english][: args.max_words]
    # Latin words the slugs show as Roman Urdu or names (twice or more), that are not English
    # words of Reuters: bridged even where an index holds them in English articles (karachi).
    seen = collections.Counter(l for _, l, u, _ in pairs)
    known = sorted({l for l, c in seen.items() if c >= 2 and len(l) >= 3 and l not in english}
                   | set(HAND_KNOWN))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/roman_urdu/learn.py from urdu-news-ha405 (build split); do not edit.\n")
        f.write("// Letter rules: {latin group, position (I initial, M medial, F final, * any), urdu, cost}.\n")
        f.write("#ifdef KHABAR_ROMAN_RULE\n")
        for (l, p, u), c in sorted(model.cost.items()):
            f.write(f'KHABAR_ROMAN_RULE("{l}", \'{p}\', "{u}", {c:.2f})\n')
        f.write("#endif\n// Words the letter rules miss: {latin, urdu}.\n#ifdef KHABAR_ROMAN_WORD\n")
        for l, u in sorted(words):
            f.write(f'KHABAR_ROMAN_WORD("{l}", "{u}")\n')
        f.write("#endif\n// Latin words the slugs show as Roman Urdu or names.\n#ifdef KHABAR_ROMAN_KNOWN\n")
        for l in known:
            f.write(f'KHABAR_ROMAN_KNOWN("{l}")\n')
        f.write("#endif\n")
    os.makedirs(args.pairs, exist_ok=True)
    for name, arts_ in (("pairs_build.tsv", build), ("pairs_test.tsv", test)):
        cache = {}
        with open(os.path.join(args.pairs, name), "w", encoding="utf-8") as f:
            f.write("article\tkind\tlatin\turdu\n")
            for aid, slug, title in arts_:
                kind = "roman" if is_roman_urdu(slug) else "name"
                for l, u in align_sentence(slug, title, model, cache):
                    f.write(f"{aid}\t{kind}\t{l}\t{u}\n")
    with open(os.path.join(args.pairs, "articles_test.tsv"), "w", encoding="utf-8") as f:
        f.write("article\tkind\tslug\ttitle\n")
        for aid, slug, title in test:
            kind = "roman" if is_roman_urdu(slug) else "name"
            f.write(f"{aid}\t{kind}\t{' '.join(slug)}\t{' '.join(title)}\n")
    print(f"{len(model.cost)} rules, {len(words)} words -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
