#!/usr/bin/env python3
"""Judged query sets for bench/relevance: corpora in the peers' canonical JSONL + queries + qrels.

  make_sets.py corpora --shared DIR --out OUTDIR [--seed 42] [--n 300]
      OUTDIR/corpora/<corpus>.jsonl   canonical JSONL {id,url,title,date,lang,body}, ids never
                                      purely numeric (khabar keeps a non-numeric id as is)
      OUTDIR/sets/<set>.tsv           qid<TAB>query<TAB>op   (op: "and" = typed as is, "or" =
                                      the harness joins the words with OR)
      OUTDIR/sets/<set>.qrels         TREC qrels: qid 0 docid gain
      OUTDIR/sets/index.tsv           set<TAB>corpus<TAB>lang<TAB>type<TAB>queries
  make_sets.py regression --sample testdata/sample-news.tar.gz --shared DIR --out FILE [--seed 42]
      the fixed regression subset (tests/test_relevance.cc): 40 known-item queries over the
      bundled sample dump, TSV qid<TAB>lang<TAB>type<TAB>query<TAB>expected id

Sets (python3 standard library only; deterministic for a given seed and input):
  cacm-question      CACM's 64 information needs (query.text .W), lower-cased, punctuation that
                     would be query syntax removed, typed as is (every engine's default: AND);
                     only the 52 with relevance judgments (qrels.text) are scored
  cacm-question-or   the same questions with the words OR-ed (what a partial-match fallback
                     would do); not "as typed": an upper bound for the fallback
  cacm-keywords      CACM's keyword version of the same needs (title.query), typed as is
  <corpus>-title     known item: an article's title as the query, that article the one answer
  <corpus>-passage   known item: 4-6 consecutive words of one sentence of the body, absent from
                     the title, occurring (normalized) in no other article
Known-item articles are sampled from those that have no exact duplicate (same normalized body)
and, for title queries, no other article with the same normalized title.
"""
import argparse, csv, glob, io, json, os, random, re, subprocess, sys, tarfile, tempfile
import unicodedata
import zipfile
import zlib

# ---------------------------------------------------------------------------------------------
# text helpers

EN_STOP = set('''a about above after again against all am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours out
over own s same she should so some such t than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours said says say mr mrs also would could may might one
two three new last year pct cts mln dlrs billion million reuter reuters'''.split())
UR_STOP = set('''کے کی کا کو میں سے نے اور ہے ہیں پر بھی کہ یہ وہ تھا تھی تھے ہو گیا گئی گئے کر
کرنے کیا جو ایک اس ان لیے لئے ساتھ بعد جس جن تک ہی نہ نہیں اپنے اپنی اپنا گا گی گے رہے رہا رہی
ہوئے ہوا ہوئی کہا کرتے والے والی والا دیا دی جا جائے سکتا سکتی سکتے بھی تو یا مگر لیکن'''.split())
EDGE_PUNCT_KEEP_ACRONYM = re.compile(r'^(?:\w\.){2,}$')
REMOVE_ANYWHERE = dict.fromkeys(map(ord, '"“”„«»()[]{}<>*^~|\\`'), ' ')
REMOVE_UR = dict(REMOVE_ANYWHERE)
REMOVE_UR[ord("'")] = ' '
SENT_SPLIT = re.compile(r'(?<=[.!?۔؟])\s+|\n+|[۔؟]')


def is_punct(ch):
    return unicodedata.category(ch)[0] in 'PS'


def tokens(text, lang='en'):
    """Whitespace tokens of text after quotes, brackets and wildcard/boost characters became
    spaces (so '<CKB>', '7-6(7/1)' and '(ویب ڈیسک)بھارتی' split where a reader sees a break). In
    Urdu an ASCII apostrophe is a quotation mark ('دیسی گرل'), never part of a word."""
    text = text.replace('\u2019', "'").replace('\u2018', "'")
    return text.translate(REMOVE_UR if lang == 'ur' else REMOVE_ANYWHERE).split()


def clean_token(tok):
    """A token as a user would type it: lower-case, no leading or trailing punctuation (so no
    leading - or +), internal punctuation kept (u.s., 1.5, at&t, long-term) with an acronym's
    final dot (u.s.). Returns '' for a token of punctuation only."""
    tok = tok.lower()
    if EDGE_PUNCT_KEEP_ACRONYM.match(tok):
        return tok
    i, j = 0, len(tok)
    while i < j and is_punct(tok[i]):
        i += 1
    while j > i and is_punct(tok[j - 1]):
        j -= 1
    tok = tok[i:j]
    return tok if any(c.isalnum() for c in tok) else ''


def as_typed(text, lang='en'):
    """Free text -> the query a user types: cleaned tokens joined by single spaces."""
    return ' '.join(t for t in (clean_token(x) for x in tokens(text, lang)) if t)


def norm_key(text):
    """Normalized form for duplicate and uniqueness checks: NFKC, case-folded, every run of
    non-word characters one space."""
    t = unicodedata.normalize('NFKC', text or '').casefold()
    return ' '.join(re.sub(r'[\W_]+', ' ', t).split())


def is_content(tok, lang):
    stop = UR_STOP if lang == 'ur' else EN_STOP
    return sum(c.isalpha() for c in tok) >= 3 and tok not in stop


def write_jsonl(path, recs):
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        for r in recs:
            f.write(json.dumps({k: r.get(k, '') for k in ('id', 'url', 'title', 'date', 'lang', 'body')},
                               ensure_ascii=False) + '\n')
    os.replace(tmp, path)


def read_jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]

# ---------------------------------------------------------------------------------------------
# corpora -> canonical records

MONTHS = {m: i for i, m in enumerate('January February March April May June July August '
                                        'September October November December'.split(), 1)}


def cacm_docs(cacm_dir):
    """cacm.all (SMART): .I id, .T title, .W abstract, .B 'CACM December, 1958', .A authors,
    .K keywords, .C categories, .N, .X (citations). Body = abstract, keywords and authors, the
    fields usually indexed in CACM experiments (.X/.N/.C are bookkeeping)."""
    raw = open(os.path.join(cacm_dir, 'cacm.all'), encoding='latin-1').read()
    out = []
    for blk in re.split(r'^\.I ', raw, flags=re.M)[1:]:
        lines = blk.split('\n')
        did = lines[0].strip()
        if not did.isdigit():
            continue  # cacm.all ends with a stray '.I'
        fields, cur = {}, None
        for l in lines[1:]:
            m = re.match(r'^\.([A-Z])\s*$', l)
            if m:
                cur = m.group(1)
                fields.setdefault(cur, [])
            elif cur:
                fields[cur].append(l)
        txt = lambda k: ' '.join(' '.join(fields.get(k, [])).split())
        date = ''
        m = re.search(r'(\w+),?\s+(\d{4})', txt('B'))
        if m and m.group(1) in MONTHS:
            date = '%s-%02d' % (m.group(2), MONTHS[m.group(1)])
        body = '\n'.join(x for x in (txt('W'), txt('K'), '; '.join(a.strip() for a in fields.get('A', []) if a.strip())) if x)
        out.append({'id': 'cacm-' + did, 'url': '', 'title': txt('T'), 'date': date, 'lang': 'en',
                    'body': body})
    return out


def cacm_queries(cacm_dir):
    raw = open(os.path.join(cacm_dir, 'query.text'), encoding='latin-1').read()
    qs = {}
    for blk in re.split(r'^\.I ', raw, flags=re.M)[1:]:
        qid = int(blk.split('\n', 1)[0])
        m = re.search(r'^\.W\s*\n(.*?)(?=^\.[A-Z]\s*$|\Z)', blk, flags=re.M | re.S)
        qs[qid] = as_typed(m.group(1) if m else '')
    kw = {}
    for l in open(os.path.join(cacm_dir, 'title.query'), encoding='latin-1'):
        if l.strip():
            n, text = l.strip().split(None, 1)
            kw[int(n)] = as_typed(text)
    qrels = {}
    for l in open(os.path.join(cacm_dir, 'qrels.text'), encoding='latin-1'):
        p = l.split()
        if len(p) >= 2:
            qrels.setdefault(int(p[0]), {})['cacm-' + str(int(p[1]))] = 1
    return qs, kw, qrels


def reuters_docs(shared, tmp):
    d = os.path.join(tmp, 'reuters')
    if not os.path.isdir(os.path.join(d, 'reuters21578')):
        os.makedirs(d, exist_ok=True)
        with tarfile.open(os.path.join(shared, 'corpora', 'reuters21578.tar.gz')) as t:
            t.extractall(d, members=[m for m in t.getmembers() if m.name.endswith('.sgm')])
    conv = os.path.join(shared, 'peers', 'tools', 'convert_reuters.py')
    out = subprocess.run([sys.executable, conv, os.path.join(d, 'reuters21578')], check=True,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode('utf-8')
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def bbc_docs(shared):
    """bbc-news-2225.zip: bbc/<category>/<NNN>.txt, first line = title, rest = body. Encoding:
    UTF-8 where valid, else Latin-1 (a few files carry 0xA3 for the pound sign)."""
    out = []
    with zipfile.ZipFile(os.path.join(shared, 'corpora', 'bbc-news-2225.zip')) as z:
        for name in sorted(z.namelist()):
            m = re.match(r'^bbc/([a-z]+)/(\d+)\.txt$', name)
            if not m:
                continue
            b = z.read(name)
            try:
                text = b.decode('utf-8')
            except UnicodeDecodeError:
                text = b.decode('latin-1')
            text = text.replace('\r\n', '\n').strip()
            title, _, body = text.partition('\n')
            out.append({'id': 'bbc-%s-%s' % m.groups(), 'url': '', 'title': title.strip(),
                        'date': '', 'lang': 'en', 'body': body.strip()})
    return out


def ha405_docs(shared):
    """urdu-news-ha405 CSVs: id,title,link,content[,gold_label]; ids 'express-N' / 'samaa-N'
    (as bench/tools/ha405_to_jsonl.py and as khabar names the CSV rows of the sample dump)."""
    csv.field_size_limit(1 << 30)
    out = []
    for f in sorted(glob.glob(os.path.join(shared, 'corpora', 'urdu-news-ha405', '*.csv'))):
        ns = os.path.basename(f).split('.')[0].split('_')[0]
        with open(f, encoding='utf-8-sig', newline='') as fh:
            for row in csv.DictReader(fh):
                title, body = (row.get('title') or '').strip(), (row.get('content') or '').strip()
                if title or body:
                    out.append({'id': '%s-%s' % (ns, row['id'].strip()), 'url': (row.get('link') or '').strip(),
                                'title': title, 'date': '', 'lang': 'ur', 'body': body})
    return out


def ufn_docs(shared):
    """urdu-fake-news.tar.zst: one .txt per article, no title. Ids: 'ufn-<stem>' for the real
    articles (train/1.Corpus/{Train,Test}/Real, as in the sample dump), 'ufn-fake-<stem>' for
    the journalist-written fakes, 'ufn-fire-<n>' for the unlabelled FIRE 2020 test files."""
    raw = subprocess.run(['zstd', '-dc', os.path.join(shared, 'corpora', 'urdu-fake-news.tar.zst')],
                         check=True, stdout=subprocess.PIPE).stdout
    out = []
    with tarfile.open(fileobj=io.BytesIO(raw)) as t:
        for m in sorted(t.getmembers(), key=lambda m: m.name):
            if not (m.isfile() and m.name.endswith('.txt')):
                continue
            stem = os.path.basename(m.name)[:-4]
            if '/Real/' in m.name:
                did = 'ufn-' + stem
            elif '/Fake/' in m.name:
                did = 'ufn-fake-' + stem
            elif 'fire2020' in m.name:
                did = 'ufn-fire-' + stem
            else:
                continue
            text = t.extractfile(m).read().decode('utf-8', 'replace').lstrip('\ufeff')
            out.append({'id': did, 'url': '', 'title': '', 'date': '', 'lang': 'ur',
                        'body': text.replace('\r\n', '\n').strip()})
    ids = [r['id'] for r in out]
    assert len(ids) == len(set(ids)), 'ufn: duplicate ids'
    return out

# ---------------------------------------------------------------------------------------------
# known items


class KnownItems:
    """Known-item query generation over one corpus (list of canonical records)."""

    def __init__(self, docs, lang):
        self.docs, self.lang = docs, lang
        bodies, titles = {}, {}
        self.keys = []
        for d in docs:
            b, t = norm_key(d.get('body')), norm_key(d.get('title'))
            bodies[b] = bodies.get(b, 0) + 1
            titles[t] = titles.get(t, 0) + 1
            self.keys.append((t, b))
        self.dup_body = {i for i, (t, b) in enumerate(self.keys) if b and bodies[b] > 1}
        self.dup_title = {i for i, (t, b) in enumerate(self.keys) if t and titles[t] > 1}
        # one searchable string: ' title body ' per document, '\n' between documents
        parts, self.starts, pos = [], [], 0
        for t, b in self.keys:
            s = ' %s %s ' % (t, b)
            self.starts.append(pos)
            parts.append(s)
            pos += len(s) + 1
        self.all = '\n'.join(parts)

    def occurs_elsewhere(self, key, i):
        """True when ' key ' occurs in a document other than i."""
        needle, at = ' %s ' % key, 0
        while True:
            at = self.all.find(needle, at)
            if at < 0:
                return False
            # document of this occurrence: the last start <= at
            lo, hi = 0, len(self.starts) - 1
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if self.starts[mid] <= at:
                    lo = mid
                else:
                    hi = mid - 1
            if lo != i:
                return True
            at += 1

    def title_query(self, i, rng):
        d = self.docs[i]
        if i in self.dup_body or i in self.dup_title or not self.keys[i][1]:
            return None
        q = as_typed(d.get('title') or '', self.lang)
        toks = q.split()
        if len(toks) < 2 or not any(is_content(t, self.lang) for t in toks):
            return None
        return q

    def passage_query(self, i, rng, tries=20):
        d = self.docs[i]
        if i in self.dup_body:
            return None
        title_key = self.keys[i][0]
        title_words = set(title_key.split())
        windows = []
        for sent in SENT_SPLIT.split(d.get('body') or ''):
            toks = [clean_token(x) for x in tokens(sent, self.lang)]
            for L in (4, 5, 6):
                for s in range(0, len(toks) - L + 1):
                    w = toks[s:s + L]
                    if all(w):
                        windows.append(w)
        if not windows:
            return None
        for _ in range(tries):
            L = rng.choice((4, 5, 6))
            cands = [w for w in windows if len(w) == L] or windows
            w = rng.choice(cands)
            key = norm_key(' '.join(w))
            content = [t for t in w if is_content(t, self.lang)]
            new = [t for t in content if not set(norm_key(t).split()) <= title_words]
            if len(content) < 2 or len(new) < 2:
                continue
            if key and (' %s ' % key) in (' %s ' % title_key):
                continue
            if self.occurs_elsewhere(key, i):
                continue
            return ' '.join(w)
        return None

    def sample(self, kind, n, rng, allowed=None):
        """Up to n (doc index, query) pairs: documents visited in a seeded random order (only
        those in `allowed` when given: a split)."""
        order = list(range(len(self.docs)))
        rng.shuffle(order)
        out = []
        make = self.title_query if kind == 'title' else self.passage_query
        for i in order:
            if allowed is not None and i not in allowed:
                continue
            q = make(i, rng)
            if q:
                out.append((i, q))
                if len(out) == n:
                    break
        return out

# ---------------------------------------------------------------------------------------------


def write_set(sets_dir, name, corpus, lang, kind, rows, qrels, index):
    """rows: [(qid, query, op)], qrels: {qid: {docid: gain}}"""
    with open(os.path.join(sets_dir, name + '.tsv'), 'w', encoding='utf-8') as f:
        for qid, q, op in rows:
            f.write('%s\t%s\t%s\n' % (qid, q, op))
    with open(os.path.join(sets_dir, name + '.qrels'), 'w', encoding='utf-8') as f:
        for qid, _, _ in rows:
            for did, g in sorted(qrels.get(qid, {}).items()):
                f.write('%s 0 %s %d\n' % (qid, did, g))
    judged = sum(1 for qid, _, _ in rows if any(g > 0 for g in qrels.get(qid, {}).values()))
    index.append((name, corpus, lang, kind, judged))
    print('  %-20s %4d queries (%d judged)' % (name, len(rows), judged), file=sys.stderr)


CORPUS_FORMAT = 2  # bump when a corpus builder changes: cached corpora/*.jsonl are rebuilt


def split_of(doc_id):
    """'dev' or 'test': a stable half of every corpus by a hash of the article id, so the dev
    (tuning) and test (reporting) known items never share an article."""
    return 'dev' if zlib.crc32(doc_id.encode('utf-8')) % 2 == 0 else 'test'


def cmd_corpora(a):
    cdir, tmp = os.path.join(a.out, 'corpora'), os.path.join(a.out, 'tmp')
    for d in (cdir, tmp):
        os.makedirs(d, exist_ok=True)
    builders = {
        'cacm': ('en', lambda: cacm_docs(os.path.join(a.shared, 'corpora', 'cacm'))),
        'reuters': ('en', lambda: reuters_docs(a.shared, tmp)),
        'bbc': ('en', lambda: bbc_docs(a.shared)),
        'ha405': ('ur', lambda: ha405_docs(a.shared)),
        'ufn': ('ur', lambda: ufn_docs(a.shared)),
    }
    docs = {}
    for name in a.corpora:
        lang, build = builders[name]
        path = os.path.join(cdir, name + '.jsonl')
        stamp = path + '.format'
        if os.path.exists(path) and os.path.exists(stamp) and open(stamp).read().strip() == str(CORPUS_FORMAT):
            docs[name] = read_jsonl(path)
        else:
            docs[name] = build()
            write_jsonl(path, docs[name])
            open(stamp, 'w').write('%d\n' % CORPUS_FORMAT)
        ids = [d['id'] for d in docs[name]]
        assert len(ids) == len(set(ids)), name + ': duplicate ids'
        assert not any(i.isdigit() for i in ids), name + ': numeric id'
        print('%s: %d documents' % (name, len(ids)), file=sys.stderr)
    for split, seed in (('dev', a.dev_seed), ('test', a.test_seed)):
        sdir = os.path.join(a.out, 'sets', split)
        os.makedirs(sdir, exist_ok=True)
        print('%s split (seed %d):' % (split, seed), file=sys.stderr)
        write_sets(a, docs, builders, sdir, split, seed)


def write_sets(a, docs, builders, sdir, split, seed):
    index = []
    if 'cacm' in docs:
        # CACM's 64 needs: odd numbers are dev, even ones test (26 judged needs each)
        qs, kw, qrels = cacm_queries(os.path.join(a.shared, 'corpora', 'cacm'))
        known = {d['id'] for d in docs['cacm']}
        assert all(did in known for j in qrels.values() for did in j), 'cacm qrels: unknown doc'
        mine = [k for k in sorted(qs) if (k % 2 == 1) == (split == 'dev')]
        qr = {'cacm-q%02d' % k: v for k, v in qrels.items()}
        write_set(sdir, 'cacm-question', 'cacm', 'en', 'question',
                  [('cacm-q%02d' % k, qs[k], 'and') for k in mine], qr, index)
        write_set(sdir, 'cacm-keywords', 'cacm', 'en', 'keywords',
                  [('cacm-q%02d' % k, kw[k], 'and') for k in mine if k in kw], qr, index)
    for name in ('reuters', 'bbc', 'ha405', 'ufn'):
        if name not in docs:
            continue
        lang = builders[name][0]
        ki = KnownItems(docs[name], lang)
        print('%s: %d articles with an exact duplicate body, %d with a shared title (not sampled)'
              % (name, len(ki.dup_body), len(ki.dup_title)), file=sys.stderr)
        allowed = {i for i, d in enumerate(docs[name]) if split_of(d['id']) == split}
        for kind in ('title', 'passage'):
            if kind == 'title' and not any(d['title'] for d in docs[name]):
                continue  # urdu-fake-news has no titles
            rng = random.Random('%d:%s:%s' % (seed, name, kind))
            picked = ki.sample(kind, a.n, rng, allowed)
            rows = [('%s-%s-%03d' % (name, kind[0], k), q, 'and') for k, (i, q) in enumerate(picked, 1)]
            qrels = {qid: {docs[name][i]['id']: 1} for (qid, _, _), (i, _) in zip(rows, picked)}
            write_set(sdir, '%s-%s' % (name, kind), name, lang, kind, rows, qrels, index)
    with open(os.path.join(sdir, 'index.tsv'), 'w', encoding='utf-8') as f:
        for row in index:
            f.write('\t'.join(map(str, row)) + '\n')


def sample_docs(sample, shared):
    """The bundled sample dump -> canonical records with the ids khabar gives them."""
    out = []
    with tarfile.open(sample) as t, tempfile.TemporaryDirectory() as tmp:
        for m in t.getmembers():
            if not m.isfile():
                continue
            data = t.extractfile(m).read()
            stem = os.path.basename(m.name).split('.')[0]
            if m.name.endswith('.sgm'):
                p = os.path.join(tmp, 'x.sgm')
                open(p, 'wb').write(data)
                conv = os.path.join(shared, 'peers', 'tools', 'convert_reuters.py')
                res = subprocess.run([sys.executable, conv, p], check=True, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL).stdout.decode('utf-8')
                out += [json.loads(l) for l in res.splitlines() if l.strip()]
            elif m.name.endswith('.jsonl'):
                for l in data.decode('utf-8').splitlines():
                    if l.strip():
                        r = json.loads(l)
                        r['date'] = r.get('date') or ''
                        out.append(r)
            elif m.name.endswith('.csv'):
                for row in csv.DictReader(io.StringIO(data.decode('utf-8-sig'))):
                    out.append({'id': '%s-%s' % (stem, row['id']), 'title': row['title'],
                                'body': row['content'], 'lang': 'ur', 'date': ''})
    return out


def cmd_regression(a):
    docs = sample_docs(a.sample, a.shared)
    en = [d for d in docs if d.get('lang') == 'en']
    ur = [d for d in docs if d.get('lang') == 'ur']
    ur_titled = [d for d in ur if not d['id'].startswith('ufn-')]  # ufn titles are derived
    rows = []
    for lang, pool_t, pool_p in (('en', en, en), ('ur', ur_titled, ur)):
        for kind, pool in (('title', pool_t), ('passage', pool_p)):
            ki = KnownItems(pool, lang)
            rng = random.Random('%d:regression:%s:%s' % (a.seed, lang, kind))
            # uniqueness of passages is checked against the whole sample, not just the pool
            picked = ki.sample(kind, a.n, rng)
            for k, (i, q) in enumerate(picked, 1):
                rows.append(('%s-%s-%02d' % (lang, kind[0], k), lang, kind, q, pool[i]['id']))
    allki = KnownItems(docs, 'en')
    index_of = {d['id']: i for i, d in enumerate(docs)}
    for qid, lang, kind, q, did in rows:
        if kind == 'passage':
            assert not allki.occurs_elsewhere(norm_key(q), index_of[did]), q
    with open(a.out, 'w', encoding='utf-8') as f:
        f.write('# bench/relevance/regression: known-item queries over testdata/sample-news.tar.gz\n'
                '# generated by: python3 bench/relevance/make_sets.py regression --seed %d --n %d\n'
                '# qid<TAB>lang<TAB>type<TAB>query<TAB>expected article id\n' % (a.seed, a.n))
        for r in rows:
            f.write('\t'.join(r) + '\n')
    print('%d regression queries -> %s' % (len(rows), a.out), file=sys.stderr)


def khabar_locator(doc):
    """How tests/test_relevance.cc recognizes an article when khabar indexes the shared corpus
    files themselves (not the canonical JSONL): CACM `id:cacm-N` (khabar's SMART reader names
    records like the harness), ha405 `id:express-articles-N` (a numeric CSV id qualified with
    the file name), BBC `entry:bbc/CAT/NNN.txt` (text files have no id of their own: the hit's
    origin entry)."""
    i = doc['id']
    m = re.match(r'^bbc-([a-z]+)-(\d+)$', i)
    if m:
        return 'entry:bbc/%s/%s.txt' % m.groups()
    m = re.match(r'^(express|samaa)-(\d+)$', i)
    if m:
        return 'id:%s-articles-%s' % m.groups()
    assert i.startswith('cacm-'), i
    return 'id:' + i


def cmd_regression_shared(a):
    """The shared-corpus regression subset of tests/test_relevance.cc: every judged CACM need
    (question and keyword forms) and, from the dev half, N title and N passage known items of BBC
    (English) and urdu-news-ha405 (Urdu). TSV: group<TAB>qid<TAB>query<TAB>relevant locators."""
    cacm_dir = os.path.join(a.shared, 'corpora', 'cacm')
    docs = {'bbc': bbc_docs(a.shared), 'ha405': ha405_docs(a.shared)}
    rows = []
    qs, kw, qrels = cacm_queries(cacm_dir)
    for k in sorted(qs):
        rel = sorted(qrels.get(k, {}))
        if rel:
            rows.append(('cacm-question', 'cacm-q%02d' % k, qs[k], ' '.join('id:' + d for d in rel)))
    for k in sorted(kw):
        rel = sorted(qrels.get(k, {}))
        if rel:
            rows.append(('cacm-keywords', 'cacm-k%02d' % k, kw[k], ' '.join('id:' + d for d in rel)))
    for name, lang in (('bbc', 'en'), ('ha405', 'ur')):
        ki = KnownItems(docs[name], lang)
        allowed = {i for i, d in enumerate(docs[name]) if split_of(d['id']) == 'dev'}
        for kind in ('title', 'passage'):
            rng = random.Random('%d:regression-shared:%s:%s' % (a.seed, name, kind))
            for k, (i, q) in enumerate(ki.sample(kind, a.n, rng, allowed), 1):
                rows.append(('%s-%s' % (lang, kind), '%s-%s-%02d' % (name, kind[0], k), q,
                             khabar_locator(docs[name][i])))
    with open(a.out, 'w', encoding='utf-8') as f:
        f.write('# bench/relevance/regression: judged queries over ../shared corpora, indexed by '
                'khabar from the files themselves\n'
                '# generated by: python3 bench/relevance/make_sets.py regression-shared --seed %d '
                '--n %d\n'
                '# group<TAB>qid<TAB>query<TAB>relevant articles (id:ID or entry:PATH-IN-ARCHIVE)\n'
                % (a.seed, a.n))
        for r in rows:
            f.write('\t'.join(r) + '\n')
    print('%d regression queries -> %s' % (len(rows), a.out), file=sys.stderr)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    c = sub.add_parser('corpora')
    c.add_argument('--shared', default=os.path.join(repo, '..', 'shared'))
    c.add_argument('--out', required=True)
    c.add_argument('--dev-seed', type=int, default=42)
    c.add_argument('--test-seed', type=int, default=1042)
    c.add_argument('--n', type=int, default=300)
    c.add_argument('--corpora', nargs='+', default=['cacm', 'reuters', 'bbc', 'ha405', 'ufn'])
    r = sub.add_parser('regression')
    r.add_argument('--shared', default=os.path.join(repo, '..', 'shared'))
    r.add_argument('--sample', default=os.path.join(repo, 'testdata', 'sample-news.tar.gz'))
    r.add_argument('--out', default=os.path.join(here, 'regression', 'queries.tsv'))
    r.add_argument('--seed', type=int, default=42)
    r.add_argument('--n', type=int, default=10, help='queries per language and type')
    g = sub.add_parser('regression-shared')
    g.add_argument('--shared', default=os.path.join(repo, '..', 'shared'))
    g.add_argument('--out', default=os.path.join(here, 'regression', 'shared.tsv'))
    g.add_argument('--seed', type=int, default=42)
    g.add_argument('--n', type=int, default=50, help='known items per corpus and type')
    a = ap.parse_args()
    {'corpora': cmd_corpora, 'regression': cmd_regression,
     'regression-shared': cmd_regression_shared}[a.cmd](a)


if __name__ == '__main__':
    main()
