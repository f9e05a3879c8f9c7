#!/usr/bin/python3
"""Run one query set against one engine's index, to a depth; write a TREC run file.

  rank.py ENGINE INDEXDIR SET.tsv OUT.run [--depth 100] [--jobs 2] [--khabar BIN] [--peers DIR]
          [--lucene-rank BIN]

SET lines: qid<TAB>query<TAB>op. op "and" = the query as typed (every engine's default: all words
must occur); op "or" = the words OR-ed. OUT lines: "qid Q0 docid rank score engine".

How each engine is asked (the same search the peers harness times, only deeper than its top 10):
  khabar              `khabar search --db INDEXDIR --json -n DEPTH --color never -- QUERY`, one
                      process per query (as a user runs it); op or = words joined with " OR "
  sqlite-fts5[-porter] the FTS5 peer's own query (fts5.py): every word a quoted string (implicit
                      AND; " OR " between them for op or), ORDER BY bm25(docs) LIMIT DEPTH
  xapian-omega, xapian-py  the Xapian peer's in-process query (xapian_batch.py): QueryParser,
                      english stemmer, STEM_SOME, FLAG_DEFAULT, default op AND (OR for op or), BM25
  lucenepp            lucene_rank (lucene_rank.cpp): the Lucene++ peer's parser and scoring
  ripgrep             the peer adapter's `one first10`: AND of substrings, file order, 10 hits
                      (unranked baseline; op or is not supported: no run is written)
Needs the system python3 for python3-xapian (Debian's package is built for /usr/bin/python3).
"""
import argparse, concurrent.futures as cf, json, os, sqlite3, subprocess, sys


def read_set(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for l in f:
            p = l.rstrip('\n').split('\t')
            if len(p) >= 2:
                rows.append((p[0], p[1], p[2] if len(p) > 2 else 'and'))
    return rows


def run_khabar(a, rows):
    def one(row):
        qid, q, op = row
        words = q.split()
        text = ' OR '.join(words) if op == 'or' else q
        r = subprocess.run([a.khabar, 'search', '--db', a.index, '--json', '-n', str(a.depth),
                            '--color', 'never', '--', text], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=dict(os.environ, NO_COLOR='1'))
        if r.returncode not in (0, 1):
            sys.stderr.write('khabar: %s: exit %d: %s\n' % (qid, r.returncode, r.stderr.decode()[:300]))
        hits = []
        for l in r.stdout.decode('utf-8', 'replace').splitlines():
            try:
                j = json.loads(l)
            except ValueError:
                continue
            if j.get('type') == 'hit':
                d = j['data']
                hits.append((d['id'], d.get('score', 0.0)))
        return qid, hits
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        return list(ex.map(one, rows))


def run_fts5(a, rows):
    con = sqlite3.connect('file:%s?mode=ro' % os.path.join(a.index, 'fts.db'), uri=True)
    out = []
    for qid, q, op in rows:
        terms = ['"%s"' % w.replace('"', '') for w in q.split() if w.replace('"', '')]
        expr = (' OR ' if op == 'or' else ' ').join(terms)
        try:
            hits = con.execute('SELECT id, -bm25(docs) FROM docs WHERE docs MATCH ? '
                               'ORDER BY bm25(docs) LIMIT ?', (expr, a.depth)).fetchall()
        except sqlite3.Error as e:
            sys.stderr.write('fts5: %s: %s\n' % (qid, e))
            hits = []
        out.append((qid, hits))
    return out


def run_xapian(a, rows):
    import xapian
    db = xapian.Database(os.path.join(a.index, 'db'))
    stem = xapian.Stem('english')
    qp = xapian.QueryParser()
    qp.set_stemmer(stem)
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_database(db)
    qp.add_prefix('title', 'S')
    enq = xapian.Enquire(db)
    out = []
    for qid, q, op in rows:
        qp.set_default_op(xapian.Query.OP_OR if op == 'or' else xapian.Query.OP_AND)
        try:
            enq.set_query(qp.parse_query(q, qp.FLAG_DEFAULT))
            mset = enq.get_mset(0, a.depth)
        except xapian.Error as e:
            sys.stderr.write('xapian: %s: %s\n' % (qid, e))
            out.append((qid, []))
            continue
        hits = []
        for m in mset:
            data = m.document.get_data().decode('utf-8', 'replace')
            did = next((l[3:] for l in data.split('\n') if l.startswith('id=')), '')
            hits.append((did, m.weight))
        out.append((qid, hits))
    return out


def run_lucene(a, rows, out_path):
    tmp = out_path + '.in'
    with open(tmp, 'w', encoding='utf-8') as f:
        for r in rows:
            f.write('\t'.join(r) + '\n')
    subprocess.run([a.lucene_rank, a.index, tmp, out_path, str(a.depth)], check=True)
    os.remove(tmp)


def run_ripgrep(a, rows):
    adapter = os.path.join(a.peers, 'ripgrep.sh')
    def one(row):
        qid, q, op = row
        r = subprocess.run(['bash', adapter, 'one', 'first10', a.index, q, '', ''],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        hits = []
        for l in r.stdout.decode('utf-8', 'replace').splitlines():
            p = l.split('\t')
            if len(p) >= 2 and p[0].isdigit() and p[1]:
                hits.append((p[1], 0.0))
        return qid, hits
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        return list(ex.map(one, rows))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('engine')
    ap.add_argument('index')
    ap.add_argument('set')
    ap.add_argument('out')
    ap.add_argument('--depth', type=int, default=100)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--khabar', default='khabar')
    ap.add_argument('--peers', default='')
    ap.add_argument('--lucene-rank', default='lucene_rank')
    a = ap.parse_args()
    rows = read_set(a.set)
    e = a.engine
    if e == 'lucenepp':
        run_lucene(a, rows, a.out)
        return
    if e == 'ripgrep' and any(op == 'or' for _, _, op in rows):
        sys.stderr.write('ripgrep: OR queries not supported, no run\n')
        return
    fn = {'khabar': run_khabar, 'sqlite-fts5': run_fts5, 'sqlite-fts5-porter': run_fts5,
          'xapian-omega': run_xapian, 'xapian-py': run_xapian, 'ripgrep': run_ripgrep}[e]
    res = fn(a, rows)
    with open(a.out + '.tmp', 'w', encoding='utf-8') as f:
        for qid, hits in res:
            for r, (did, score) in enumerate(hits, 1):
                f.write('%s Q0 %s %d %.6g %s\n' % (qid, did, r, score, e))
    os.replace(a.out + '.tmp', a.out)


if __name__ == '__main__':
    main()
