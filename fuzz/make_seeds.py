#!/usr/bin/env python3
"""Rebuild fuzz/corpus/<target>/ — the committed seed corpora — from real data only:
testdata/sample-news.tar.gz and testdata/bad/ of this repository and ../shared (corpora, analysis).
Deterministic; every seed is small (a few KiB) and the whole corpus stays well under 1 MB.

    python3 fuzz/make_seeds.py            # from the repository root or anywhere

Seeds of fuzz_records_auto and fuzz_walker start with one byte that picks the entry/file name
(see those targets); fuzz_html seeds are "URL hint NUL page excerpt".
"""
import bz2
import gzip
import io
import json
import lzma
import os
import quopri
import re
import shutil
import sys
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
if not os.path.isdir(SHARED):
    SHARED = "/work/shared"
CORPUS = os.path.join(HERE, "corpus")
SAMPLE = os.path.join(ROOT, "testdata", "sample-news.tar.gz")


def member(name):
    with tarfile.open(SAMPLE) as t:
        return t.extractfile(name).read()


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def shortest_lines(data, n, limit=3000):
    lines = [l for l in data.split(b"\n") if l.strip()]
    small = sorted((l for l in lines if len(l) <= limit), key=len)[:n]
    return [l for l in lines if l in small][:n]  # keep file order


def gz(data):
    return gzip.compress(data, mtime=0)


def tar_of(files, fmt=tarfile.USTAR_FORMAT, mode="w"):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode, format=fmt) as t:
        for name, data in files:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 946684800
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def zip_of(files, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0))
            zi.compress_type = method
            z.writestr(zi, data)
    return buf.getvalue()


def main():
    if os.path.isdir(CORPUS):
        shutil.rmtree(CORPUS)

    # ---- records: real records from the sample dump and testdata/bad --------------------------
    reuters_jsonl = member("reuters/reuters-extra.jsonl")
    urdu_jsonl = member("urdu/dated.jsonl")
    express = member("urdu/express.csv")
    samaa = member("urdu/samaa.csv")
    sgml = member("reuters/reut2-sample.sgm")
    bad_jsonl = open(os.path.join(ROOT, "testdata/bad/mixed.jsonl"), "rb").read()
    bad_csv = open(os.path.join(ROOT, "testdata/bad/broken.csv"), "rb").read()

    jsonl_seeds = {
        "reuters-extra-3.jsonl": b"\n".join(shortest_lines(reuters_jsonl, 3)) + b"\n",
        "urdu-dated-2.jsonl": b"\n".join(shortest_lines(urdu_jsonl, 2, 4000)) + b"\n",
        "mixed-truncated.jsonl": b"\n".join(bad_jsonl.split(b"\n")[3:5]) + b"\n",
    }
    for k, v in jsonl_seeds.items():
        put("fuzz_records_jsonl", k, v)

    # JSON: a dawn teaser page cut to two items per section, and an array of sample records.
    dawn = json.load(open(os.path.join(SHARED, "corpora/dawn-2013-teasers/dawn-2013-11-24.json")))
    dawn["sections"] = {k: v[:2] for k, v in list(dawn["sections"].items())[:2]}
    json_seeds = {
        "dawn-teasers.json": json.dumps(dawn, ensure_ascii=False, indent=2),
        "reuters-array.json": b"[\n" + b",\n".join(shortest_lines(reuters_jsonl, 2)) + b"\n]\n",
        "urdu-object.json": shortest_lines(urdu_jsonl, 1, 4000)[0],
    }
    for k, v in json_seeds.items():
        put("fuzz_records_json", k, v)

    def csv_head(data, rows, cut=1500):
        # header + rows, each long content cell cut inside its text (records stay well-formed)
        import csv as csvmod
        text = data.decode("utf-8")
        r = list(csvmod.reader(io.StringIO(text)))
        out = io.StringIO()
        quoting = csvmod.QUOTE_ALL if text.startswith('"') else csvmod.QUOTE_MINIMAL
        w = csvmod.writer(out, quoting=quoting, lineterminator="\n")
        w.writerow(r[0])
        for row in r[1:1 + rows]:
            w.writerow([c[:cut] for c in row])
        return out.getvalue()

    csv_seeds = {
        "express-2.csv": csv_head(express, 2),
        "samaa-2.csv": csv_head(samaa, 2),
        "broken-4.csv": b"\n".join(bad_csv.split(b"\n")[:1]) + b"\n" + b"\n".join(
            l[:1200] for l in bad_csv.split(b"\n")[1:] if l)[:5000] + b"\n",
    }
    for k, v in csv_seeds.items():
        put("fuzz_records_csv", k, v)

    blocks = re.findall(rb"<REUTERS .*?</REUTERS>\n", sgml, re.S)
    first_line = sgml.split(b"\n", 1)[0] + b"\n"
    brief = [b for b in blocks if b'TYPE="BRIEF"' in b][0]
    unproc = [b for b in blocks if b'TYPE="UNPROC"' in b][0]
    small = sorted((b for b in blocks if b'TYPE="BRIEF"' not in b and b'TYPE="UNPROC"' not in b), key=len)
    reuters_seeds = {
        "reut2-first2.sgm": first_line + blocks[0] + blocks[1],
        "reut2-brief-unproc.sgm": first_line + brief + unproc,
        "reut2-short.sgm": small[0] + small[1],
    }
    for k, v in reuters_seeds.items():
        put("fuzz_records_reuters", k, v)

    en_news = open(os.path.join(SHARED, "analysis/data/en_news.txt"), encoding="utf-8").read().split("\n")
    ur_news = open(os.path.join(SHARED, "analysis/data/ur_news.txt"), encoding="utf-8").read().split("\n")
    with zipfile.ZipFile(os.path.join(SHARED, "corpora/bbc-news-2225.zip")) as z:
        bbc = z.read("bbc/tech/132.txt")
    text_seeds = {
        "bbc-tech-132.txt": bbc,
        "en-news.txt": "\n".join(en_news[:4]) + "\n",
        "ur-news.txt": "\n".join(ur_news[:3]) + "\n",
    }
    for k, v in text_seeds.items():
        put("fuzz_records_text", k, v)

    # auto: the same records behind a name-picking byte (fuzz_records_auto.cc kNames).
    names = {"jsonl": 1, "json": 2, "csv": 3, "sgm": 5, "txt": 6, "none": 0}
    for seeds, ext in ((jsonl_seeds, "jsonl"), (json_seeds, "json"), (csv_seeds, "csv"),
                       (reuters_seeds, "sgm"), (text_seeds, "txt")):
        for k, v in seeds.items():
            v = v.encode() if isinstance(v, str) else v
            put("fuzz_records_auto", k, bytes([names[ext]]) + v)
            put("fuzz_records_auto", "noname-" + k, bytes([names["none"]]) + v)

    # ---- web archives, HTML pages, Makhzan XML, TREC SGML, SMART (the later readers) -------------
    wdir = os.path.join(SHARED, "corpora/warc-samples")
    warc_seeds = {}
    for name in ("example.warc", "example-trunc.warc", "example-digest.warc", "example.arc",
                 "bad.arc", "example-space-in-url.arc"):
        warc_seeds[name] = open(os.path.join(wdir, name), "rb").read()
    for name in ("example-wrong-chunks.warc.gz", "example-resource.warc.gz",
                 "example-bad-non-chunked.warc.gz", "post-test.warc.gz"):
        data = gzip.decompress(open(os.path.join(wdir, name), "rb").read())
        if len(data) <= 12000:
            warc_seeds[name[:-3]] = data
    for k, v in warc_seeds.items():
        put("fuzz_records_warc", k, v)

    makhzan = os.path.join(SHARED, "corpora/makhzan-urdu.tar.xz")
    xml_seeds = {}
    with tarfile.open(makhzan) as t:
        members = sorted(m.name for m in t.getmembers() if m.name.endswith(".xml"))[:3]
        for m in members:
            doc = t.extractfile(m).read().decode("utf-8")
            # keep the metadata and the first paragraphs, each cut to 600 characters
            doc = re.sub(r"(?s)(<p>)(.{600}).*?(</p>)", r"\1\2\3", doc)
            paras = [mm.end() for mm in re.finditer(r"</p>", doc)]
            if len(paras) > 3:
                doc = doc[:paras[2]] + "\n\t\t</section>\n\t</body>\n</document>\n"
            xml_seeds[os.path.basename(m)] = doc
    for k, v in xml_seeds.items():
        put("fuzz_records_xml", k, v)

    # TREC: no TREC collection in ../shared; real Reuters articles in TREC's <DOC> markup.
    def trec_doc(block):
        def tag(name):
            m = re.search(rb"<%s>(.*?)</%s>" % (name, name), block, re.S)
            return m.group(1).strip() if m else b""
        newid = re.search(rb'NEWID="(\d+)"', block).group(1)
        return (b"<DOC>\n<DOCNO> REUTERS-" + newid + b" </DOCNO>\n<DATE>" + tag(b"DATE") +
                b"</DATE>\n<HEADLINE>\n" + tag(b"TITLE") + b"\n</HEADLINE>\n<TEXT>\n" +
                tag(b"BODY")[:1500] + b"\n</TEXT>\n</DOC>\n")
    trec_seeds = {"reuters-as-trec-2.sgml": trec_doc(small[0]) + trec_doc(small[1]),
                  "reuters-as-trec-1.sgml": trec_doc(blocks[0])}
    for k, v in trec_seeds.items():
        put("fuzz_records_trec", k, v)

    cacm = open(os.path.join(SHARED, "corpora/cacm/cacm.all"), "rb").read()
    cut = [m.start() for m in re.finditer(rb"(?m)^\.I ", cacm)]
    queries_text = open(os.path.join(SHARED, "corpora/cacm/query.text"), "rb").read()
    qcut = [m.start() for m in re.finditer(rb"(?m)^\.I ", queries_text)]
    smart_seeds = {"cacm-3.all": cacm[:cut[3]], "cacm-abstract.all": cacm[cut[40]:cut[42]],
                   "cacm-queries-2.text": queries_text[:qcut[2]]}
    for k, v in smart_seeds.items():
        put("fuzz_records_smart", k, v)

    # ---- mail: a BBC story as a saved newsletter, as a MIME message (QP text + HTML), in an mbox --
    story = bbc.decode("utf-8", "replace").strip().split("\n", 1)
    head = (b"From: Brief <brief@example.com>\nDate: Mon, 09 Nov 2026 06:00:00 +0000\n"
            b"Subject: " + story[0].encode() + b"\nTo: r@example.net\n")
    saved = head + b"\nView this email in your browser\n\n" + bbc
    mime = (head + b"MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b1\n\n"
            b"--b1\nContent-Type: text/plain; charset=utf-8\n"
            b"Content-Transfer-Encoding: quoted-printable\n\n" + quopri.encodestring(bbc[:1500]) +
            b"\n--b1\nContent-Type: text/html; charset=utf-8\n\n<p>" + bbc[:300] +
            b"</p>\n--b1--\n")
    mbox = b"From brief@example.com Mon Nov  9 06:00:00 2026\n" + saved + \
        b"\nFrom brief@example.com Tue Nov 10 06:00:00 2026\n" + mime
    for k, v in {"saved-newsletter.txt": saved, "mime-qp.eml": mime, "two.mbox": mbox}.items():
        put("fuzz_records_mail", k, v)

    # ---- chat: the BBC story and an Urdu record forwarded in WhatsApp exports (Android 24 h and
    # 12 h with U+202F before am/pm, iOS brackets with U+200E), around system lines and replies --
    en_title, en_body = story[0].strip(), story[1].strip()[:1500]
    ur = json.loads(shortest_lines(urdu_jsonl, 1, 4000)[0])
    android = ("05/03/2027, 09:02 - Messages and calls are end-to-end encrypted. No one outside of "
               "this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n"
               "05/03/2027, 09:02 - Imran Qureshi created group \"Metro Desk\"\n"
               "05/03/2027, 13:06 - Sana Mirza: *" + en_title + "*\n"
               "08/03/2027, 18:43 - Imran Qureshi: *" + en_title + "*\n\n" + en_body +
               "\n\nhttps://www.bbc.co.uk/news/technology-132\n"
               "08/03/2027, 19:43 - Sana Mirza: Thanks, filing this\n"
               "08/03/2027, 19:50 - Tom Reilly: <Media omitted>\n")
    nnbsp = "\u202f"
    us12 = ("3/5/27, 9:02" + nnbsp + "AM - Imran Qureshi added Sana Mirza\n"
            "3/5/27, 9:03" + nnbsp + "AM - Sana Mirza: This message was deleted\n"
            "3/8/27, 6:43" + nnbsp + "PM - Imran Qureshi: " + en_body[:700] + "\n"
            "3/8/27, 7:20" + nnbsp + "PM - Tom Reilly: null\n")
    ios = ("\u200e[06/03/2027, 09:02:11] Awami Khabar: \u200eMessages and calls are end-to-end "
           "encrypted.\n[09/03/2027, 18:13:40] عمران قریشی: *" + ur["title"] + "*\n" +
           ur["body"][:1200] + "\n[09/03/2027, 19:13:02] ثنا مرزا: جزاک اللہ\n"
           "\u200e[09/03/2027, 19:20:45] بلال احمد: \u200eimage omitted\n")
    chat_seeds = {"android-24h.txt": android, "us-12h-nnbsp.txt": us12, "ios-urdu.txt": ios,
                  "no-story.txt": android.split("08/03/2027, 18:43")[0]}
    for k, v in chat_seeds.items():
        put("fuzz_records_chat", k, v)

    # ---- walker: small real archives (fuzz_walker.cc kNames picks the file name) -----------------
    W = {"dump": 0, "tar": 1, "zip": 2, "gz": 3, "tgz": 4, "jsonl.gz": 5, "7z": 6, "cpio": 7, "ar": 8,
         "iso": 9, "xz": 10, "bz2": 11, "zst": 12, "warc": 13, "warc.gz": 14, "txt": 15, "csv": 16,
         "lzma": 17}
    j3 = jsonl_seeds["reuters-extra-3.jsonl"]
    c2 = csv_seeds["samaa-2.csv"].encode()
    s2 = reuters_seeds["reut2-short.sgm"]
    inner_zip = zip_of([("urdu/samaa.csv", c2), ("bbc/tech/132.txt", bbc)])
    walker = {
        "tgz-two-members": ("tgz", gz(tar_of([("reuters/extra.jsonl", j3), ("reuters/r.sgm", s2)]))),
        "tar-gnu": ("tar", tar_of([("a/story.txt", bbc)], tarfile.GNU_FORMAT)),
        "tar-pax-longname": ("tar", tar_of([("d" * 120 + "/x.jsonl", j3)], tarfile.PAX_FORMAT)),
        "zip-deflate": ("zip", inner_zip),
        "zip-stored": ("zip", zip_of([("x.jsonl", j3)], zipfile.ZIP_STORED)),
        "jsonl-gz": ("jsonl.gz", gz(j3)),
        "csv-bz2": ("bz2", bz2.compress(c2)),
        "jsonl-xz": ("xz", lzma.compress(j3)),
        "sgm-lzma-alone": ("lzma", lzma.compress(s2, format=lzma.FORMAT_ALONE)),
        "nested-tar-zip-gz": ("tgz", gz(tar_of([("inner.zip", inner_zip), ("x.jsonl.gz", gz(j3))]))),
        "plain-noname": ("dump", j3),
        "truncated-tgz": ("tgz", gz(tar_of([("x.jsonl", j3), ("y.txt", bbc)]))[:900]),
    }
    for name in ("example.warc", "example-trunc.warc"):
        walker["warc-" + name] = ("warc", open(os.path.join(SHARED, "corpora/warc-samples", name), "rb").read())
    walker["warc-gz-resource"] = ("warc.gz", open(os.path.join(SHARED, "corpora/warc-samples/example-resource.warc.gz"), "rb").read())
    for seeds, idx in ((warc_seeds, 15), (xml_seeds, 17), (smart_seeds, 18), (trec_seeds, 19)):
        for k, v in list(seeds.items())[:3]:
            v = v.encode() if isinstance(v, str) else v
            put("fuzz_records_auto", k, bytes([idx]) + v)
    for k, (ext, data) in walker.items():
        put("fuzz_walker", k, bytes([W[ext]]) + data)

    # ---- HTML: small excerpts of real pages (head metadata + the start of the article text) ------
    gt = json.load(open(os.path.join(SHARED, "corpora/article-extraction/ground-truth.json")))
    html_dir = os.path.join(SHARED, "corpora/article-extraction/html")
    picked = 0
    for key in sorted(gt):
        path = os.path.join(html_dir, key + ".html.gz")
        if not os.path.exists(path):
            continue
        page = gzip.decompress(open(path, "rb").read()).decode("utf-8", "replace")
        page = re.sub(r"(?is)<(style|svg)\b.*?</\1>", "", page)
        page = re.sub(r"(?is)<script\b(?![^>]*ld\+json).*?</script>", "", page)
        head = "\n".join(re.findall(r"(?is)<title>.*?</title>|<meta\b[^>]*>|<link\b[^>]*canonical[^>]*>", page))
        ld = re.findall(r"(?is)<script[^>]*ld\+json[^>]*>.*?</script>", page)
        ld = ld[0][:1500] if ld and len(ld[0]) < 1500 else ""
        html_open = (re.search(r"(?is)<html\b[^>]*>", page) or re.match("", "")).group(0) or "<html>"
        p = page.find("<p")
        body = page[max(0, p - 400): p + 3000] if p >= 0 else page[:3000]
        excerpt = f"<!DOCTYPE html>\n{html_open}<head>{head[:2500]}\n{ld}</head><body>{body}</body></html>\n"
        put("fuzz_html", key[:16] + ".html", gt[key]["url"] + "\0" + excerpt)
        if picked < 4:
            put("fuzz_records_html", key[:16] + ".html", excerpt)
            put("fuzz_records_auto", "html-" + key[:16], bytes([8]) + excerpt.encode("utf-8"))
        picked += 1
        if picked == 8:
            break

    # ---- dates: as they appear in the corpora ---------------------------------------------------
    dates = set()
    for b in blocks[:3] + [blocks[-1]]:
        dates.add(re.search(rb"<DATE>(.*?)</DATE>", b).group(1).decode())
    for key in sorted(gt)[:24]:
        path = os.path.join(html_dir, key + ".html.gz")
        if not os.path.exists(path):
            continue
        page = gzip.decompress(open(path, "rb").read()).decode("utf-8", "replace")
        for m in re.findall(r'datePublished"?\s*:\s*"([^"]{6,40})"|<time[^>]*datetime="([^"]+)"', page)[:1]:
            dates.add(m[0] or m[1])
    warc = open(os.path.join(SHARED, "corpora/warc-samples/example.warc"), "rb").read().decode("latin-1")
    dates |= set(sorted(set(re.findall(r"(?m)^(?:WARC-Date|Date|Last-Modified): (.*?)\r?$", warc)))[:6])
    dates.add(dawn["date"])
    months = "جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر"
    upat = re.compile(r"[0-9\u06F0-\u06F9]{1,2}\s?(?:%s)[\s۔،,]*[0-9\u06F0-\u06F9]{4}\s?ء?" % months)
    ur_text = open(os.path.join(SHARED, "analysis/data/ur_news.txt"), encoding="utf-8").read()
    ur_text += open(os.path.join(SHARED, "analysis/seg_cases.txt"), encoding="utf-8").read()
    ur_text += express.decode("utf-8") + samaa.decode("utf-8")
    dates |= set(d.strip() for d in sorted(set(upat.findall(ur_text)))[:8])
    dates |= {"1987", "1987-02", "1987-02-26"}  # --since/--until forms used in the README and tests
    for i, d in enumerate(sorted(dates)):
        put("fuzz_dates", "date-%02d" % i, d)

    # ---- analyzer: real sentences, the shared normalization/segmentation cases ------------------
    for i, line in enumerate([l for l in en_news if l][:4]):
        put("fuzz_analyzer", "en-%d" % i, line)
    for i, line in enumerate([l for l in ur_news if l][:4]):
        put("fuzz_analyzer", "ur-%d" % i, line)
    seg = [l for l in open(os.path.join(SHARED, "analysis/seg_cases.txt"), encoding="utf-8").read().split("\n")
           if l and not l.startswith("#")]
    for i, line in enumerate(seg[:12]):
        put("fuzz_analyzer", "seg-%02d" % i, line)
    norm = []
    for l in open(os.path.join(SHARED, "analysis/norm_cases.tsv"), encoding="utf-8"):
        if l.startswith("#") or "\t" not in l:
            continue
        raw = l.split("\t")[0]
        norm.append(re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), raw))
    put("fuzz_analyzer", "norm-cases", "\n".join(norm))

    # ---- queries: the README's examples and the relevance regression set ------------------------
    queries = ["cocoa prices", '"interest rates"', "oil OR gas", "oil NOT iran", "(oil OR gas) prices",
               "title:cocoa", "lang:ur", "وزیراعظم پاکستان", "وزيراعظم", "U.S. elections", "infla*",
               "date:1987-02", "oil -iran", "AT&T C++ 1,000"]
    for l in open(os.path.join(ROOT, "bench/relevance/regression/queries.tsv"), encoding="utf-8"):
        if l.startswith("#"):
            continue
        f = l.rstrip("\n").split("\t")
        if len(f) >= 4:
            queries.append(f[3])
    for i, q in enumerate(queries[:40]):
        put("fuzz_query", "q-%02d" % i, q)

    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(CORPUS) for f in fs)
    count = sum(len(fs) for _, _, fs in os.walk(CORPUS))
    print(f"fuzz/corpus: {count} seeds, {total} bytes")
    if total > 1_000_000:
        sys.exit("seed corpus is over 1 MB")


if __name__ == "__main__":
    main()
