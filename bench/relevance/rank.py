#!/usr/bin/python3
"""Run one query set against one engine's index, to a depth; write TREC run files.

  rank.py ENGINE INDEXDIR SET.tsv RUNDIR [--modes and,or] [--depth 100] [--jobs 2]
          [--khabar BIN] [--peers DIR] [--lucene-rank BIN] [--omega BIN]

SET lines: qid<TAB>query[<TAB>op]: the query as a user types it (lower-case, no operators).
Writes RUNDIR/<set>.<ENGINE>.run for mode "and" and RUNDIR/<set>.<ENGINE>+or.run for mode "or";
lines "qid Q0 docid rank score engine". For khabar, RUNDIR/<set>.khabar.copies lists the ids each
collapsed hit stands for ("qid rank id copy-id..."), so a hidden answer can be counted.

Modes:
  and   the query exactly as typed, each engine's own query syntax and its stock semantics for a
        string of words (all of them required: FTS5's implicit AND, Omega's default AND since
        1.3, the Lucene++ peer's setting). For khabar: `khabar search` as a user runs it (all
        words, then partial matches when fewer than a page match all, duplicates collapsed).
  or    the same words with OR between them (FTS5 `OR`, Omega DEFAULTOP=or, Lucene++
        OR_OPERATOR, khabar ` OR `): ranked "any of the words", the way IR systems are usually
        run on natural-language questions. Reported for every peer so that none is judged on a
        mode that starves it (a 15-word question ANDed matches almost nothing).

How each engine is asked (the peers as their adapters in ../shared/peers run them, deeper):
  khabar              `khabar search --db INDEXDIR --json -n DEPTH --color never -- QUERY`, one
                      process per query (KHABAR_RANKING passes through: tune.sh)
  sqlite-fts5[-porter] fts5.py's query: every word a quoted string ("u.s." stays one string), joined
                      by a space (AND) or " OR ", SELECT id ... WHERE docs MATCH ? ORDER BY
                      bm25(docs) LIMIT DEPTH (bm25 with equal column weights, as the peer)
  xapian-omega        the Omega CGI binary itself, one process per query, with the peer's index
                      and omega.conf but a template that prints only id and weight:
                      DB=db FMT=ids HITSPERPAGE=DEPTH DEFAULTOP=and|or P=QUERY. So Omega's own
                      query handling applies: its QueryParser flags, english stemmer (STEM_SOME),
                      its built-in stopword list (a about an and are as at be by en for from how i
                      in is it of on or that the this to was what when where which who why will
                      with you your), BM25
  xapian-py           python3-xapian QueryParser as xapian_batch.py (english stemmer, STEM_SOME,
                      no stopper), default op AND or OR, BM25
  lucenepp            lucene_rank (lucene_rank.cpp): the peer's StandardAnalyzer (English stop
                      words dropped), MultiFieldQueryParser over title+body, escaped query,
                      AND_OPERATOR or OR_OPERATOR, classic TF-IDF
  ripgrep             the adapter's `one first10`: AND of substrings, file order, 10 hits
                      (unranked baseline; no "or" mode)
Needs the system python3 for python3-xapian (Debian's package is built for /usr/bin/python3).
"""
import argparse, concurrent.futures as cf, json, os, sqlite3, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def read_set(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for l in f:
            p = l.rstrip('\n').split('\t')
            if len(p) >= 2:
                rows.append((p[0], p[1]))
    return rows


def khabar_search(binary, index, query, depth, env=None):
    """One `khabar search` as a user runs it: [(id, score, [copy ids])], stderr text."""
    r = subprocess.run([binary, 'search', '--db', index, '--json', '-n', str(depth),
                        '--color', 'never', '--', query], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=dict(env or os.environ, NO_COLOR='1'))
    if r.returncode not in (0, 1):
        raise RuntimeError('khabar search exit %d: %s' % (r.returncode, r.stderr.decode()[:300]))
    hits = []
    for l in r.stdout.decode('utf-8', 'replace').splitlines():
        try:
            j = json.loads(l)
        except ValueError:
            continue
        if j.get('type') == 'hit':
            d = j['data']
            hits.append((d['id'], d.get('score', 0.0), (d.get('copies') or {}).get('ids', [])))
    return hits


def run_khabar(a, rows, op):
    def one(row):
        qid, q = row
        text = ' OR '.join(q.split()) if op == 'or' else q
        try:
            return qid, khabar_search(a.khabar, a.index, text, a.depth)
        except RuntimeError as e:
            sys.stderr.write('khabar: %s: %s\n' % (qid, e))
            return qid, []
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        return list(ex.map(one, rows))


def run_fts5(a, rows, op):
    con = sqlite3.connect('file:%s?mode=ro' % os.path.join(a.index, 'fts.db'), uri=True)
    out = []
    for qid, q in rows:
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


def run_omega(a, rows, op):
    conf = tempfile.NamedTemporaryFile('w', suffix='.conf', delete=False)
    conf.write('database_dir %s\ntemplate_dir %s\nlog_dir /tmp\ncdb_dir /tmp\n'
               % (os.path.abspath(a.index), os.path.join(HERE, 'omega')))
    conf.close()
    env = dict(os.environ, OMEGA_CONFIG_FILE=conf.name)

    def one(row):
        qid, q = row
        r = subprocess.run([a.omega, 'DB=db', 'FMT=ids', 'HITSPERPAGE=%d' % a.depth,
                            'DEFAULTOP=%s' % op, 'P=' + q], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env)
        hits = []
        for l in r.stdout.decode('utf-8', 'replace').splitlines():
            p = l.split('\t')
            if l.startswith('#error'):
                sys.stderr.write('omega: %s: %s\n' % (qid, l))
            elif len(p) == 3 and p[0] == 'H':
                hits.append((p[1], float(p[2] or 0)))
        return qid, hits
    try:
        with cf.ThreadPoolExecutor(a.jobs) as ex:
            return list(ex.map(one, rows))
    finally:
        os.remove(conf.name)


def run_xapian(a, rows, op):
    import xapian
    db = xapian.Database(os.path.join(a.index, 'db'))
    stem = xapian.Stem('english')
    qp = xapian.QueryParser()
    qp.set_stemmer(stem)
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_database(db)
    qp.add_prefix('title', 'S')
    qp.set_default_op(xapian.Query.OP_OR if op == 'or' else xapian.Query.OP_AND)
    enq = xapian.Enquire(db)
    out = []
    for qid, q in rows:
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


def run_lucene(a, rows, op):
    with tempfile.TemporaryDirectory() as tmp:
        qf, rf = os.path.join(tmp, 'q.tsv'), os.path.join(tmp, 'out.run')
        with open(qf, 'w', encoding='utf-8') as f:
            for qid, q in rows:
                f.write('%s\t%s\t%s\n' % (qid, q, op))
        subprocess.run([a.lucene_rank, a.index, qf, rf, str(a.depth)], check=True)
        res = {}
        with open(rf, encoding='utf-8') as f:
            for l in f:
                p = l.split()
                res.setdefault(p[0], []).append((p[2], float(p[4])))
    return [(qid, res.get(qid, [])) for qid, _ in rows]


def run_ripgrep(a, rows, op):
    adapter = os.path.join(a.peers, 'ripgrep.sh')

    def one(row):
        qid, q = row
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


RUNNERS = {'khabar': run_khabar, 'sqlite-fts5': run_fts5, 'sqlite-fts5-porter': run_fts5,
           'xapian-omega': run_omega, 'xapian-py': run_xapian, 'lucenepp': run_lucene,
           'ripgrep': run_ripgrep}


def write_run(path, name, res):
    with open(path + '.tmp', 'w', encoding='utf-8') as f:
        for qid, hits in res:
            for r, h in enumerate(hits, 1):
                f.write('%s Q0 %s %d %.6g %s\n' % (qid, h[0], r, h[1], name))
    os.replace(path + '.tmp', path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('engine')
    ap.add_argument('index')
    ap.add_argument('set')
    ap.add_argument('rundir')
    ap.add_argument('--modes', default='and,or')
    ap.add_argument('--depth', type=int, default=100)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--khabar', default='khabar')
    ap.add_argument('--peers', default='')
    ap.add_argument('--lucene-rank', default='lucene_rank')
    ap.add_argument('--omega', default='/usr/lib/cgi-bin/omega/omega')
    a = ap.parse_args()
    rows = read_set(a.set)
    name = os.path.basename(a.set)[:-4]
    for op in a.modes.split(','):
        if a.engine == 'ripgrep' and op == 'or':
            continue  # ripgrep has no OR
        res = RUNNERS[a.engine](a, rows, op)
        eng = a.engine if op == 'and' else a.engine + '+or'
        write_run(os.path.join(a.rundir, '%s.%s.run' % (name, eng)), eng, res)
        if a.engine == 'khabar':
            with open(os.path.join(a.rundir, '%s.%s.copies' % (name, eng)), 'w', encoding='utf-8') as f:
                for qid, hits in res:
                    for r, h in enumerate(hits, 1):
                        if h[2]:
                            f.write('%s %d %s %s\n' % (qid, r, h[0], ' '.join(h[2])))


if __name__ == '__main__':
    main()
