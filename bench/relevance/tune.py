#!/usr/bin/env python3
"""Ranking experiments: khabar alone on the judged sets of a run.sh output directory, once per
variant of the ranking parameters (KHABAR_RANKING, searcher/ranking.h), one markdown row each.

  tune.py OUTDIR --build BUILD_DIR [--split dev] [--index khabar] [--jobs 2] [--depth 100]
          VARIANT...            VARIANT = name=spec, e.g. base=  k1.2=k1=1.2  "b.75=b=0.75"

OUTDIR is a run.sh output directory (corpora, sets/<split>/, index/<corpus>.<index>). --index
names the khabar index to use (index/<corpus>.<INDEX>): an index built by another binary (e.g.
a different title wdf) is tried by building it there with that binary and passing its name.
Queries run in-process with khabar_rank (khabar_rank.cc, built here against BUILD_DIR's
libraries; --verify-cli checks it gives the CLI's runs exactly). Runs go to OUTDIR/tune/<split>/<name>/.

Columns: CACM MAP and nDCG@10 (question, keywords), MRR@10 per known-item set, and the means:
en = the English known-item sets, ur = the Urdu ones, all = every known-item set.
"""
import argparse, concurrent.futures as cf, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import metrics as M  # noqa: E402
from evaluate import read_qrels, read_run, read_set  # noqa: E402


def build_runner(build, out):
    src = os.path.join(HERE, 'khabar_rank.cc')
    libs = [os.path.join(build, 'searcher', 'libkhabar_searcher.a'),
            os.path.join(build, 'common', 'libkhabar_common.a')]
    newest = max(os.path.getmtime(p) for p in libs + [src])
    if os.path.exists(out) and os.path.getmtime(out) >= newest:
        return
    print('building %s' % out, file=sys.stderr)
    src_dir = REPO  # the headers the libraries were built from
    for l in open(os.path.join(build, 'CMakeCache.txt'), encoding='utf-8'):
        if l.startswith('CMAKE_HOME_DIRECTORY:'):
            src_dir = l.split('=', 1)[1].strip()
    cmd = ['c++', '-O2', '-std=c++20', '-DFMT_SHARED', '-Wall', '-Wextra', '-Werror'] + \
        ['-I' + os.path.join(src_dir, d) for d in ('indexer', 'common', 'searcher')] + \
        ['-o', out, src] + libs + ['-lxapian', '-licui18n', '-licuuc', '-lfmt']
    subprocess.run(cmd, check=True)


def verify_cli(a, runner):
    from rank import khabar_search
    import tempfile
    cli = os.path.join(a.build, 'cli', 'khabar')
    sets = read_set(os.path.join(a.outdir, 'sets', a.split, 'index.tsv'))[:2]
    for s in sets:
        idx = os.path.join(a.outdir, 'index', '%s.%s' % (s[1], a.index))
        path = os.path.join(a.outdir, 'sets', a.split, s[0] + '.tsv')
        with tempfile.TemporaryDirectory() as tmp:
            run = os.path.join(tmp, 'x.run')
            subprocess.run([runner, idx, path, run, str(a.depth)], check=True)
            mine = read_run(run)
        for qid, q in ((r[0], r[1]) for r in read_set(path)):
            want = [h[0] for h in khabar_search(cli, idx, q, a.depth)]
            if mine.get(qid, []) != want:
                sys.exit('khabar_rank differs from the CLI on %s %s' % (s[0], qid))
    print('khabar_rank = CLI on %s' % ', '.join(s[0] for s in sets), file=sys.stderr)


def run_variant(a, runner, name, spec, sets):
    vdir = os.path.join(a.outdir, 'tune', a.split, name)
    os.makedirs(vdir, exist_ok=True)
    env = dict(os.environ, KHABAR_RANKING=spec)

    def one(s):
        set_name, corpus = s[0], s[1]
        idx = os.path.join(a.outdir, 'index', '%s.%s' % (corpus, a.index))
        run = os.path.join(vdir, set_name + '.run')
        subprocess.run([runner, idx, os.path.join(a.outdir, 'sets', a.split, set_name + '.tsv'),
                        run, str(a.depth)], check=True, env=env)
        qrels = read_qrels(os.path.join(a.outdir, 'sets', a.split, set_name + '.qrels'))
        means, per, n, _ = M.evaluate(read_run(run), qrels)
        return set_name, means, per
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        return {s: (m, p) for s, m, p in ex.map(one, sets)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('outdir')
    ap.add_argument('variants', nargs='+')
    ap.add_argument('--build', required=True)
    ap.add_argument('--split', default='dev')
    ap.add_argument('--index', default='khabar')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--depth', type=int, default=100)
    ap.add_argument('--sets', default='', help='only these sets (space-separated)')
    ap.add_argument('--verify-cli', action='store_true',
                    help="first check that khabar_rank returns exactly the CLI's ranking (ids and "
                    "order, every query of the first two sets) with BUILD_DIR/cli/khabar")
    a = ap.parse_args()
    runner = os.path.join(a.build, 'khabar_rank')
    build_runner(a.build, runner)
    if a.verify_cli:
        verify_cli(a, runner)
    sets = read_set(os.path.join(a.outdir, 'sets', a.split, 'index.tsv'))
    if a.sets:
        sets = [s for s in sets if s[0] in a.sets.split()]
    ki = [s for s in sets if s[1] != 'cacm']
    cacm = [s for s in sets if s[1] == 'cacm']
    head = ['variant']
    for s in cacm:
        head += ['%s MAP' % s[0], '%s nDCG' % s[0]]
    head += ['%s MRR' % s[0] for s in ki] + ['en MRR', 'ur MRR', 'all MRR']
    print('%s split, index %s, depth %d\n' % (a.split, a.index, a.depth))
    print('| ' + ' | '.join(head) + ' |')
    print('|---|' + '---:|' * (len(head) - 1))
    sys.stdout.flush()
    for v in a.variants:
        name, _, spec = v.partition('=')
        res = run_variant(a, runner, name, spec, sets)
        cells = []
        for s in cacm:
            cells += ['%.3f' % res[s[0]][0]['MAP'], '%.3f' % res[s[0]][0]['nDCG@10']]
        cells += ['%.3f' % res[s[0]][0]['MRR@10'] for s in ki]

        def pooled(group):  # mean over the queries of the sets (sets are equal-sized)
            vals = [p['MRR@10'] for s in group for p in res[s[0]][1].values()]
            return '%.3f' % (sum(vals) / len(vals)) if vals else 'n/a'
        cells += [pooled([s for s in ki if s[2] == 'en']), pooled([s for s in ki if s[2] == 'ur']),
                  pooled(ki)]
        print('| %s | %s |' % (name + (' `%s`' % spec if spec else ''), ' | '.join(cells)))
        sys.stdout.flush()


if __name__ == '__main__':
    main()
