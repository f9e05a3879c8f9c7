#!/usr/bin/env python3
"""Score the runs of bench/relevance/run.sh and print the markdown report.

  evaluate.py OUTDIR [--engines "khabar sqlite-fts5 ..."]

Reads OUTDIR/sets/index.tsv, OUTDIR/sets/<set>.{tsv,qrels}, OUTDIR/runs/<set>.<engine>.run (TREC
run format) and writes OUTDIR/relevance.md (also printed) and OUTDIR/perquery.tsv (one row per
set, engine and query: rank of the first relevant document or '-', hits returned, query text).
"""
import argparse, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import metrics as M  # noqa: E402

LANG = {'en': 'English', 'ur': 'Urdu'}


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


def read_set(path):
    with open(path, encoding='utf-8') as f:
        return [l.rstrip('\n').split('\t') for l in f if l.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('outdir')
    ap.add_argument('--engines', default='')
    a = ap.parse_args()
    sdir, rdir = os.path.join(a.outdir, 'sets'), os.path.join(a.outdir, 'runs')
    sets = [l.rstrip('\n').split('\t') for l in open(os.path.join(sdir, 'index.tsv'), encoding='utf-8')]
    engines = a.engines.split() or sorted({f.split('.')[-2] for f in os.listdir(rdir) if f.endswith('.run')})
    results = {}   # (set, engine) -> (means, n, nohit)
    perq = open(os.path.join(a.outdir, 'perquery.tsv'), 'w', encoding='utf-8')
    perq.write('set\tengine\tqid\tfirst_relevant_rank\thits\tquery\n')
    for name, corpus, lang, kind, _ in sets:
        qrels = read_qrels(os.path.join(sdir, name + '.qrels'))
        queries = {r[0]: r[1] for r in read_set(os.path.join(sdir, name + '.tsv'))}
        for e in engines:
            path = os.path.join(rdir, '%s.%s.run' % (name, e))
            if not os.path.exists(path):
                continue
            runs = read_run(path)
            means, per, n, _ = M.evaluate(runs, qrels)
            nohit = sum(1 for q in per if not runs.get(q))
            results[(name, e)] = (means, n, nohit)
            for q in sorted(per):
                rel = qrels[q]
                first = next((i for i, d in enumerate(runs.get(q, []), 1) if rel.get(d, 0) > 0), '-')
                perq.write('%s\t%s\t%s\t%s\t%d\t%s\n' % (name, e, q, first, len(runs.get(q, [])), queries.get(q, '')))
    perq.close()

    out = []
    w = out.append
    w('# Relevance: khabar and the peers on judged query sets\n')
    w('Summary: MRR@10 (CACM sets: MAP) per set. Known-item sets: one right article per query.\n')
    cols = [s for s in sets if any((s[0], e) in results for e in engines)]
    w('| engine | ' + ' | '.join('%s %s' % (s[2], s[0]) for s in cols) + ' |')
    w('|---|' + '---:|' * len(cols))
    for e in engines:
        cells = []
        for s in cols:
            r = results.get((s[0], e))
            key = 'MAP' if s[1] == 'cacm' else 'MRR@10'
            cells.append('%.3f' % r[0][key] if r else 'n/a')
        w('| %s | %s |' % (e, ' | '.join(cells)))
    w('')
    for lang in ('en', 'ur'):
        w('## %s\n' % LANG[lang])
        for name, corpus, l, kind, judged in sets:
            if l != lang or not any((name, e) in results for e in engines):
                continue
            n = next(r[1] for (s, e), r in results.items() if s == name)
            w('### %s — %s, %s (%d queries scored)\n' % (name, corpus, kind, n))
            w('| engine | MAP | nDCG@10 | P@10 | MRR@10 | S@1 | S@10 | no hit |')
            w('|---|---:|---:|---:|---:|---:|---:|---:|')
            for e in engines:
                r = results.get((name, e))
                if not r:
                    w('| %s | n/a | n/a | n/a | n/a | n/a | n/a | |' % e)
                    continue
                means, n, nohit = r
                w('| %s | %s | %d |' % (e, ' | '.join('%.3f' % means[m] for m in M.METRICS), nohit))
            w('')
    text = '\n'.join(out) + '\n'
    open(os.path.join(a.outdir, 'relevance.md'), 'w', encoding='utf-8').write(text)
    sys.stdout.write(text)


if __name__ == '__main__':
    main()
