#!/usr/bin/env python3
"""Score the runs of bench/relevance/run.sh and print the markdown report.

  evaluate.py OUTDIR [--engines "khabar sqlite-fts5 ..."] [--splits "test dev"]

Reads OUTDIR/sets/<split>/index.tsv, OUTDIR/sets/<split>/<set>.{tsv,qrels},
OUTDIR/runs/<split>/<set>.<engine>.run (TREC run format; <engine>+or = the same engine with the
words OR-ed) and OUTDIR/corpora/<corpus>.jsonl (for the duplicate count), writes
OUTDIR/relevance.md (also printed) and OUTDIR/perquery.tsv (split, set, engine, query, rank of
the first relevant document or '-', hits returned, query text).
"""
import argparse, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import metrics as M  # noqa: E402
from make_sets import norm_key  # noqa: E402

LANG = {'en': 'English', 'ur': 'Urdu'}
SHORT = {'MAP': 'MAP', 'nDCG@10': 'nDCG', 'MRR@10': 'MRR'}


def read_qrels(path):
    q = {}
    with open(path, encoding='utf-8') as f:
        for l in f:
            p = l.split()
            if len(p) == 4:
                q.setdefault(p[0], {})[p[2]] = int(p[3])
    return q


def read_run(path):
    runs = {}
    with open(path, encoding='utf-8') as f:
        for l in f:
            p = l.split()
            if len(p) >= 4:
                runs.setdefault(p[0], []).append((int(p[3]), p[2]))
    return {q: [d for _, d in sorted(v)] for q, v in runs.items()}


def read_copies(path):
    """khabar's collapsed hits: {qid: {rank: [copy ids]}}"""
    out = {}
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for l in f:
                p = l.split()
                if len(p) >= 4:
                    out.setdefault(p[0], {})[int(p[1])] = p[3:]
    return out


def read_set(path):
    with open(path, encoding='utf-8') as f:
        return [l.rstrip('\n').split('\t') for l in f if l.strip()]


def body_keys(outdir, corpus, cache={}):
    """id -> normalized body, for counting duplicates in a result list."""
    if corpus not in cache:
        keys = {}
        path = os.path.join(outdir, 'corpora', corpus + '.jsonl')
        if os.path.exists(path):
            with open(path, encoding='utf-8') as f:
                for l in f:
                    d = json.loads(l)
                    b = norm_key(d.get('body'))
                    # a body of a few words ("Blah blah blah. Reuter") is not a story of its own
                    keys[d['id']] = hash(b) if len(b.split()) >= 20 else None
        cache[corpus] = keys
    return cache[corpus]


def dups_at(run, keys, k=10):
    """Hits among the first k whose normalized body equals that of a hit ranked above them."""
    seen, n = set(), 0
    for d in run[:k]:
        key = keys.get(d)
        if key is None:
            continue
        if key in seen:
            n += 1
        seen.add(key)
    return n


def order_engines(found, wanted):
    """khabar first, then each peer followed by its +or mode, in the order asked."""
    out = []
    for e in wanted:
        for x in (e, e + '+or'):
            if x in found and x not in out:
                out.append(x)
    return out + sorted(x for x in found if x not in out)


def score_split(outdir, split, wanted, perq):
    sdir, rdir = os.path.join(outdir, 'sets', split), os.path.join(outdir, 'runs', split)
    if not os.path.exists(os.path.join(sdir, 'index.tsv')):
        return None
    sets = read_set(os.path.join(sdir, 'index.tsv'))
    found = sorted({f[:-4].split('.', 1)[1] for f in os.listdir(rdir) if f.endswith('.run')}) \
        if os.path.isdir(rdir) else []
    engines = order_engines(found, wanted)
    results = {}  # (set, engine) -> dict
    for name, corpus, lang, kind, _ in sets:
        qrels = read_qrels(os.path.join(sdir, name + '.qrels'))
        queries = {r[0]: r[1] for r in read_set(os.path.join(sdir, name + '.tsv'))}
        keys = body_keys(outdir, corpus)
        for e in engines:
            path = os.path.join(rdir, '%s.%s.run' % (name, e))
            if not os.path.exists(path):
                continue
            runs = read_run(path)
            means, per, n, _ = M.evaluate(runs, qrels)
            nohit = sum(1 for q in per if not runs.get(q))
            dups = sum(dups_at(runs.get(q, []), keys) for q in per) / n if n else 0.0
            copies = read_copies(os.path.join(rdir, '%s.%s.copies' % (name, e)))
            hidden = 0
            for q in per:
                rel = {d for d, g in qrels[q].items() if g > 0}
                if not rel & set(runs.get(q, [])[:10]) and any(
                        rel & set(c) for r, c in copies.get(q, {}).items() if r <= 10):
                    hidden += 1
            results[(name, e)] = {'means': means, 'n': n, 'nohit': nohit, 'dups': dups,
                                  'hidden': hidden, 'per': per}
            for q in sorted(per):
                rel = qrels[q]
                first = next((i for i, d in enumerate(runs.get(q, []), 1) if rel.get(d, 0) > 0), '-')
                perq.write('%s\t%s\t%s\t%s\t%s\t%d\t%s\n' % (split, name, e, q, first,
                                                              len(runs.get(q, [])), queries.get(q, '')))
    return sets, engines, results


def summary_table(w, sets, engines, results):
    cols = [s for s in sets if any((s[0], e) in results for e in engines)]
    head, align = [], []
    for s in cols:
        ms = ('MAP', 'nDCG@10') if s[1] == 'cacm' else ('MRR@10',)
        for m in ms:
            head.append('%s %s %s' % (s[2], s[0], SHORT[m]))
            align.append('---:')
    w('| engine | ' + ' | '.join(head) + ' |')
    w('|---|' + '|'.join(align) + '|')
    best = {}
    for s in cols:
        for m in ('MAP', 'nDCG@10', 'MRR@10'):
            vals = [round(results[(s[0], e)]['means'][m], 3) for e in engines if (s[0], e) in results]
            best[(s[0], m)] = max(vals) if vals else None
    for e in engines:
        cells = []
        for s in cols:
            ms = ('MAP', 'nDCG@10') if s[1] == 'cacm' else ('MRR@10',)
            for m in ms:
                r = results.get((s[0], e))
                if not r:
                    cells.append('n/a')
                    continue
                v = round(r['means'][m], 3)
                cells.append(('**%.3f**' if v == best[(s[0], m)] else '%.3f') % v)
        w('| %s | %s |' % (e, ' | '.join(cells)))
    w('')


def detail_tables(w, sets, engines, results):
    for lang in ('en', 'ur'):
        mine = [s for s in sets if s[2] == lang and any((s[0], e) in results for e in engines)]
        if not mine:
            continue
        w('### %s\n' % LANG[lang])
        for name, corpus, l, kind, judged in mine:
            n = next(r['n'] for (s, e), r in results.items() if s == name)
            w('#### %s — %s, %s (%d queries scored)\n' % (name, corpus, kind, n))
            w('| engine | MAP | nDCG@10 | P@10 | MRR@10 | S@1 | S@10 | no hit | dup@10 |')
            w('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
            for e in engines:
                r = results.get((name, e))
                if not r:
                    continue
                w('| %s | %s | %d | %.2f |' % (e, ' | '.join('%.3f' % r['means'][m] for m in M.METRICS),
                                               r['nohit'], r['dups']))
            hid = [(e, results[(name, e)]['hidden']) for e in engines
                   if (name, e) in results and results[(name, e)]['hidden']]
            if hid:
                w('\n' + '; '.join('%s: the answer to %d queries was in the top 10 only as a collapsed '
                                   'copy of another hit' % x for x in hid) + '.')
            w('')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('outdir')
    ap.add_argument('--engines', default='khabar sqlite-fts5 sqlite-fts5-porter xapian-omega xapian-py '
                    'lucenepp ripgrep')
    ap.add_argument('--splits', default='test dev')
    a = ap.parse_args()
    out = []
    w = out.append
    w('# Relevance: khabar and the peers on judged query sets\n')
    w('Known-item sets: one right article per query (MRR@10); CACM: TREC judgments (MAP, nDCG@10). '
      '`+or` = the same engine with the words OR-ed. Best per column in bold. dev = the split '
      'ranking was tuned on, test = held out.\n')
    perq = open(os.path.join(a.outdir, 'perquery.tsv'), 'w', encoding='utf-8')
    perq.write('split\tset\tengine\tqid\tfirst_relevant_rank\thits\tquery\n')
    scored = []
    for split in a.splits.split():
        r = score_split(a.outdir, split, a.engines.split(), perq)
        if r:
            scored.append((split, r))
    perq.close()
    for split, (sets, engines, results) in scored:
        w('## Summary, %s split\n' % split)
        summary_table(w, sets, engines, results)
    for split, (sets, engines, results) in scored:
        w('## All metrics, %s split\n' % split)
        w('dup@10: hits in the top 10 whose text (normalized body, 20 words or more) is that of a '
          'hit ranked above them, per query: copies crowding the first page.\n')
        detail_tables(w, sets, engines, results)
    text = '\n'.join(out) + '\n'
    open(os.path.join(a.outdir, 'relevance.md'), 'w', encoding='utf-8').write(text)
    sys.stdout.write(text)


if __name__ == '__main__':
    main()
