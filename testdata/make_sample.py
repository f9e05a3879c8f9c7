#!/usr/bin/env python3
"""Build khabar's bundled sample dump (testdata/sample-news.tar.gz) and testdata/bad/.

Every record comes from a real corpus in ../shared/corpora (see testdata/README.md for
provenance and licences). Nothing is invented: records are copied byte for byte (Reuters SGML,
ha405 CSV rows) or converted field by field (Reuters JSONL, Bend the Truth JSONL).

Usage (from the repository root or anywhere):
    python3 testdata/make_sample.py                 # build into testdata/
    python3 testdata/make_sample.py --counts        # also print the counts quoted in README.md
    python3 testdata/make_sample.py --corpora DIR --out DIR

Needs python3 (stdlib only) and the `zstd` command (to read urdu-fake-news.tar.zst).
The build is deterministic: fixed member order, mtime, owner and mode in the tar; gzip
header with mtime 0 and no file name. (Byte-identical output across machines also assumes
the same zlib, since the deflate stream is zlib's.)
"""

import argparse
import collections
import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPORA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpora"))

# --- what goes in ------------------------------------------------------------------------
REUTERS_TGZ = "reuters21578.tar.gz"
SGML_SOURCE = "reuters21578/reut2-000.sgm"   # first SGML_BLOCKS blocks, byte for byte
SGML_BLOCKS = 300                             # NEWID 1..300, 26-FEB-1987 .. 2-MAR-1987
JSONL_SOURCE = "reuters21578/reut2-017.sgm"  # 21-APR-1987 .. 2-JUN-1987
JSONL_PER_DAY = 7                             # first 7 usable articles of each day

HA405_DIR = "urdu-news-ha405"
# (source file, member name, csv quoting, row-id selection rule, extra row ids)
HA405_PARTS = [
    ("express_articles.csv", "urdu/express.csv", csv.QUOTE_MINIMAL, (15, 9), ()),
    # samaa row 840 is added because it is typed partly on an Arabic keyboard
    # (ٹيلی ويژن كے سينئر ... امريكا: Arabic yeh U+064A and kaf U+0643).
    ("samaa_articles.csv", "urdu/samaa.csv", csv.QUOTE_ALL, (20, 12), ("840",)),
]

UFN_ARCHIVE = "urdu-fake-news.tar.zst"
UFN_ROOT = "urdu-fake-news/train/1.Corpus"
UFN_CATEGORIES = ["bus", "hlth", "sbz", "sp", "tch"]
# per category: the 2 lowest-numbered files of Train/Real and the lowest of Test/Real
UFN_PICK = {"Train/Real": 2, "Test/Real": 1}

TAR_MTIME = 946684800  # 2000-01-01T00:00:00Z, fixed so the tarball is reproducible
MEMBERS = [  # fixed order in the tarball
    "reuters/reut2-sample.sgm",
    "reuters/reuters-extra.jsonl",
    "urdu/express.csv",
    "urdu/samaa.csv",
    "urdu/dated.jsonl",
]

MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}

# --- Reuters -----------------------------------------------------------------------------
BLOCK_RE = re.compile(rb"<REUTERS[^>]*>.*?</REUTERS>\n?", re.S)
DATE_RE = re.compile(r"^\s*(\d{1,2})-([A-Z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d)(?:\.\d+)?\s*$")


def read_reuters(corpora, member):
    with tarfile.open(os.path.join(corpora, REUTERS_TGZ), "r:gz") as tf:
        return tf.extractfile(member).read()


def sgml_field(block, tag):
    m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), block, re.S)
    return m.group(1) if m else None


def decode_sgml_text(s):
    """Entity-decode Reuters text; drop control-character refs (&#2; &#3; &#5; &#127; ...)."""
    def num(m):
        c = int(m.group(1))
        return "" if c < 32 or c == 127 else chr(c)
    s = re.sub(r"&#(\d+);", num, s)
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    return s.replace("\r\n", "\n").replace("\r", "\n")


def clean_body(s):
    s = decode_sgml_text(s).rstrip()
    # the wire sign-off on its own last line: "Reuter", " REUTER", "REUTER...", ...
    s = re.sub(r"\n[ \t]*reuter[ \t.]*\Z", "", s, flags=re.I)
    return s.rstrip()


def reuters_iso(date_text):
    m = DATE_RE.match(date_text)
    if not m:
        return None
    d, mon, y, hh, mm, ss = m.groups()
    if int(hh) > 23 or mon not in MONTHS:
        return None
    return "%s-%02d-%02dT%s:%s:%sZ" % (y, MONTHS[mon], int(d), hh, mm, ss)


def parse_block(raw_block):
    try:
        b = raw_block.decode("utf-8")
    except UnicodeDecodeError:
        b = raw_block.decode("latin-1")  # reut2-017.sgm has one stray Latin-1 byte
    newid = re.search(r'NEWID="(\d+)"', b).group(1)
    title = sgml_field(b, "TITLE")
    body = sgml_field(b, "BODY")
    return {
        "newid": int(newid),
        "date_text": sgml_field(b, "DATE"),
        "title": " ".join(decode_sgml_text(title).split()) if title is not None else None,
        "body": clean_body(body) if body is not None else None,
    }


def build_sgml_sample(corpora):
    raw = read_reuters(corpora, SGML_SOURCE)
    assert raw.startswith(b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n')
    blocks = list(BLOCK_RE.finditer(raw))
    end = blocks[SGML_BLOCKS - 1].end()
    return raw[:end]  # header line + blocks 1..SGML_BLOCKS, byte for byte


def build_reuters_jsonl(corpora):
    raw = read_reuters(corpora, JSONL_SOURCE)
    per_day = collections.Counter()
    seen_bodies = set()
    out = []
    for m in BLOCK_RE.finditer(raw):
        a = parse_block(m.group(0))
        iso = reuters_iso(a["date_text"])
        if iso is None:  # NEWID 17192 has "31-MAR-1987 605:12:19.12": not a time
            continue
        if not a["title"] or not a["body"] or a["body"] in seen_bodies:
            continue
        day = iso[:10]
        if per_day[day] >= JSONL_PER_DAY:
            continue
        per_day[day] += 1
        seen_bodies.add(a["body"])
        out.append({
            "id": "reuters-%d" % a["newid"],
            "title": a["title"],
            "date": iso,
            "body": a["body"],
            "source": "Reuters",
            "lang": "en",
        })
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out).encode("utf-8")


# --- ha405 CSV ---------------------------------------------------------------------------
def read_ha405(corpora, name, quoting):
    csv.field_size_limit(1 << 30)
    with open(os.path.join(corpora, HA405_DIR, name), "rb") as f:
        raw = f.read()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    # the dialect below reproduces the whole original file byte for byte
    assert write_csv(rows, quoting) == raw, name
    return rows


def write_csv(rows, quoting):
    buf = io.StringIO(newline="")
    csv.writer(buf, quoting=quoting, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def build_ha405(corpora, name, quoting, rule, extra):
    rows = read_ha405(corpora, name, quoting)
    header, data = rows[0], rows[1:]
    step, rem = rule
    keep = [r for r in data if int(r[0]) % step == rem or r[0] in extra]
    return write_csv([header] + keep, quoting), keep


# --- Bend the Truth (urdu-fake-news) ------------------------------------------------------
SENT_END = re.compile(r"[\n\u06d4\u061f?!]|\.(?=\s|$)")


# Web-page chrome that some files start with. Only the *title* skips it; the body keeps it.
CHROME_LINE = re.compile(r"^(?:شیئر کریں:?"                  # "share:" button
                         r"|تصویر کے کاپی رائٹ.*"              # BBC Urdu image credit/caption
                         r"|cnnurdu نے .* کو شائع کیا\.?)$")  # "cnnurdu published on <date>"
CHROME_PREFIX = "اپ کی ڈیوائس پر پلے بیک سپورٹ دستیاب نہیں"  # BBC "playback not supported"


def first_sentence_title(text, limit=80):
    lines = [l.strip() for l in text.split("\n")]
    lines = [l for l in lines if l and not CHROME_LINE.match(l)]
    text = "\n".join(lines)
    if text.startswith(CHROME_PREFIX):
        text = text[len(CHROME_PREFIX):].lstrip()
    m = SENT_END.search(text)
    s = " ".join((text[:m.start()] if m else text).split())
    if len(s) <= limit:
        return s
    cut = s[:limit - 1]  # leave room for the ellipsis
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ،,") + "…"


def build_ufn(corpora):
    data = subprocess.run(["zstd", "-dc", os.path.join(corpora, UFN_ARCHIVE)],
                          check=True, stdout=subprocess.PIPE).stdout
    files = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tf:
        for ti in tf.getmembers():
            if ti.isfile() and ti.name.startswith(UFN_ROOT + "/") and "/Real/" in ti.name:
                files[ti.name[len(UFN_ROOT) + 1:]] = tf.extractfile(ti).read()
    picked = []
    for cat in UFN_CATEGORIES:
        for folder, n in UFN_PICK.items():
            names = [p for p in files if re.fullmatch(re.escape(folder) + "/" + cat + r"\d+\.txt", p)]
            names.sort(key=lambda p: int(re.search(r"(\d+)\.txt$", p).group(1)))
            picked += names[:n]
    out = []
    for p in picked:
        body = files[p].decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").strip()
        stem = os.path.splitext(os.path.basename(p))[0]
        out.append({
            "id": "ufn-" + stem,
            "title": first_sentence_title(body),
            "body": body,
            "lang": "ur",
            "source": "Bend the Truth corpus (real news)",
            "date": None,
        })
    jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out).encode("utf-8")
    return jsonl, picked


# --- tarball -----------------------------------------------------------------------------
def make_tar_gz(contents):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        dirs_done = set()
        for name in MEMBERS:
            d = name.split("/")[0]
            if d not in dirs_done:
                dirs_done.add(d)
                ti = tarfile.TarInfo(d)
                ti.type, ti.mode = tarfile.DIRTYPE, 0o755
                ti.mtime, ti.uid, ti.gid, ti.uname, ti.gname = TAR_MTIME, 0, 0, "", ""
                tf.addfile(ti)
            ti = tarfile.TarInfo(name)
            ti.size, ti.mode = len(contents[name]), 0o644
            ti.mtime, ti.uid, ti.gid, ti.uname, ti.gname = TAR_MTIME, 0, 0, "", ""
            tf.addfile(ti, io.BytesIO(contents[name]))
    return gzip.compress(buf.getvalue(), compresslevel=9, mtime=0)


def build_bad(outdir, contents, tgz, corpora):
    bad = os.path.join(outdir, "bad")
    os.makedirs(bad, exist_ok=True)
    # mixed.jsonl: first 10 lines of reuters-extra.jsonl, line 5 cut off mid-object
    lines = contents["reuters/reuters-extra.jsonl"].split(b"\n")[:10]
    lines[4] = lines[4][: len(lines[4]) // 2]
    write(os.path.join(bad, "mixed.jsonl"), b"\n".join(lines) + b"\n")
    # broken.csv: header + first 5 data rows of urdu/express.csv; data row 3 loses its
    # last field (gold_label), so it has 4 fields instead of 5
    rows = list(csv.reader(io.StringIO(contents["urdu/express.csv"].decode("utf-8"), newline="")))
    rows = rows[:6]
    rows[3] = rows[3][:4]
    write(os.path.join(bad, "broken.csv"), write_csv(rows, csv.QUOTE_MINIMAL))
    # truncated.tar.gz: the sample tarball cut to 60% of its bytes
    write(os.path.join(bad, "truncated.tar.gz"), tgz[: len(tgz) * 60 // 100])


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


# --- counts quoted in README.md (plain text matching, NOT engine output) -----------------
def load_docs(tgz_path):
    """Re-read the built tarball and return one dict per record of every part."""
    docs = []
    with tarfile.open(tgz_path, "r:gz") as tf:
        get = lambda n: tf.extractfile(n).read()
        for m in BLOCK_RE.finditer(get("reuters/reut2-sample.sgm")):
            a = parse_block(m.group(0))
            iso = reuters_iso(a["date_text"])
            docs.append({"part": "reut2-sample.sgm", "id": "reuters-%d" % a["newid"],
                         "text": (a["title"] or "") + "\n" + (a["body"] or ""),
                         "has_body": a["body"] is not None, "has_title": a["title"] is not None,
                         "date": iso[:10] if iso else None})
        for line in get("reuters/reuters-extra.jsonl").decode().splitlines():
            r = json.loads(line)
            docs.append({"part": "reuters-extra.jsonl", "id": r["id"],
                         "text": r["title"] + "\n" + r["body"], "date": r["date"][:10]})
        for name in ("urdu/express.csv", "urdu/samaa.csv"):
            for r in csv.DictReader(io.StringIO(get(name).decode(), newline="")):
                docs.append({"part": name.split("/")[1], "id": r["id"],
                             "text": r["title"] + "\n" + r["content"], "date": None})
        for line in get("urdu/dated.jsonl").decode().splitlines():
            r = json.loads(line)
            docs.append({"part": "dated.jsonl", "id": r["id"],
                         "text": r["title"] + "\n" + r["body"], "date": r["date"]})
    return docs


PARTS = ["reut2-sample.sgm", "reuters-extra.jsonl", "express.csv", "samaa.csv", "dated.jsonl"]
EN_WORDS = ["cocoa", "oil", "wheat", "ship", "ships", "shipped", "shipping",
            "election", "elections"]
EN_FAMILIES = {"ship/ships/shipped/shipping": r"ship|ships|shipped|shipping",
               "election/elections": r"elections?"}
UR_WORDS = ["پاکستان", "وزیراعظم", "وزیر اعظم", "حکومت", "امریکا", "امريكا", "سینئر", "سينئر"]
UR_LETTER = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
FOLD = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})


def fold(text):
    """The Arabic-keyboard letter folding of analysis/SPEC.md that matters here: ي ى→ی, ك→ک."""
    return text.translate(FOLD)


DATE_RANGES = [("1987-02-26", "1987-02-26"), ("1987-02-27", "1987-02-28"),
               ("1987-03-01", "1987-03-02"), ("1987-03-01", "1987-03-31"),
               ("1987-04-01", "1987-04-30"), ("1987-06-01", "1987-06-30"),
               ("1987-01-01", "1987-12-31")]


def print_counts(tgz_path):
    docs = load_docs(tgz_path)
    by_part = collections.OrderedDict((p, [d for d in docs if d["part"] == p]) for p in PARTS)

    def row(label, pred):
        n = [sum(1 for d in by_part[p] if pred(d)) for p in PARTS]
        print("| %s | %s | %d |" % (label, " | ".join(map(str, n)), sum(n)))

    head = "| | " + " | ".join(PARTS) + " | total |"
    sep = "|---" * (len(PARTS) + 2) + "|"
    print("## records\n" + head + "\n" + sep)
    row("records", lambda d: True)
    row("dated", lambda d: d["date"] is not None)
    row("SGML blocks with `<BODY>`", lambda d: d.get("has_body", False))
    row("SGML blocks with `<TITLE>`", lambda d: d.get("has_title", False))
    row("SGML blocks with neither", lambda d: "has_body" in d and not d["has_body"] and not d["has_title"])

    dated = sorted(d["date"] for d in docs if d["date"])
    print("\n## dates\nspan %s .. %s" % (dated[0], dated[-1]))
    for p in PARTS[:2]:
        c = collections.Counter(d["date"] for d in by_part[p])
        print(p, ", ".join("%s: %d" % kv for kv in sorted(c.items())))

    print("\n## English: records whose title+body contain the word "
          "(case-insensitive, whole word)\n" + head + "\n" + sep)
    for w in EN_WORDS:
        rx = re.compile(r"\b%s\b" % w, re.I)
        row("`%s`" % w, lambda d: bool(rx.search(d["text"])))
    for label, alt in EN_FAMILIES.items():
        rx = re.compile(r"\b(?:%s)\b" % alt, re.I)
        row("any of `%s`" % label, lambda d: bool(rx.search(d["text"])))

    print("\n## Urdu: records whose title+text contain the exact code points\n"
          "substring = anywhere; word = not touching another Arabic-script letter;\n"
          "word, folded = word after folding Arabic yeh/alef maksura/kaf (ي ى ك) to Urdu ی ک "
          "in both text and word\n"
          "| word | kind | " + " | ".join(PARTS) + " | total |\n" + "|---" * (len(PARTS) + 3) + "|")
    for w in UR_WORDS:
        word = re.compile("(?<![%s])%s(?![%s])" % (UR_LETTER, re.escape(fold(w)), UR_LETTER))
        for kind, rx, f in (("substring", re.compile(re.escape(w)), str),
                            ("word", re.compile("(?<![%s])%s(?![%s])" % (UR_LETTER, re.escape(w), UR_LETTER)), str),
                            ("word, folded", word, fold)):
            n = [sum(1 for d in by_part[p] if rx.search(f(d["text"]))) for p in PARTS]
            print("| %s | %s | %s | %d |" % (w, kind, " | ".join(map(str, n)), sum(n)))

    print("\n## date ranges (inclusive, by the record's date; undated records never match)\n"
          "| range | " + " | ".join(PARTS) + " | total |\n" + sep)
    for a, b in DATE_RANGES:
        n = [sum(1 for d in by_part[p] if d["date"] and a <= d["date"] <= b) for p in PARTS]
        print("| %s .. %s | %s | %d |" % (a, b, " | ".join(map(str, n)), sum(n)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", default=DEFAULT_CORPORA, help="shared/corpora (default: %(default)s)")
    ap.add_argument("--out", default=HERE, help="output directory (default: %(default)s)")
    ap.add_argument("--counts", action="store_true", help="print the counts quoted in README.md")
    args = ap.parse_args()

    contents = {}
    contents["reuters/reut2-sample.sgm"] = build_sgml_sample(args.corpora)
    contents["reuters/reuters-extra.jsonl"] = build_reuters_jsonl(args.corpora)
    for src, member, quoting, rule, extra in HA405_PARTS:
        contents[member], kept = build_ha405(args.corpora, src, quoting, rule, extra)
        print("%s: %d rows from %s, ids %s" % (member, len(kept), src,
              " ".join(r[0] for r in kept)), file=sys.stderr)
    contents["urdu/dated.jsonl"], picked = build_ufn(args.corpora)
    print("urdu/dated.jsonl: %s" % " ".join(picked), file=sys.stderr)

    tgz = make_tar_gz(contents)
    os.makedirs(args.out, exist_ok=True)
    tgz_path = os.path.join(args.out, "sample-news.tar.gz")
    write(tgz_path, tgz)
    build_bad(args.out, contents, tgz, args.corpora)
    for name in MEMBERS:
        print("%-28s %8d bytes" % (name, len(contents[name])), file=sys.stderr)
    print("%-28s %8d bytes" % ("sample-news.tar.gz", len(tgz)), file=sys.stderr)
    if args.counts:
        print_counts(tgz_path)


if __name__ == "__main__":
    main()
