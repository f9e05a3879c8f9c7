#!/usr/bin/env python3
"""Write OUTDIR/report.md from a bench/run.sh output directory (python3 stdlib only).

  make_report.py OUTDIR CORPUS...     (CORPUS = reuters, urdu: the subdirectories run.sh made)

Reads OUTDIR/machine.tsv, OUTDIR/<corpus>/{raw/index.tsv,raw/corpus.tsv,latency.tsv,queries.tsv,
peers.md}, OUTDIR/direct/direct.tsv and OUTDIR/direct/<corpus>.lat.tsv.
"""
import os, statistics, sys

NAMES = {'reuters': 'Reuters-21578', 'urdu': 'urdu-news-ha405'}
DUMPS = {'reuters': 'reuters21578.tar.gz', 'urdu': 'urdu-news-ha405/ (2 CSV)'}
ENGINE = 'khabar'


def tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        return [l.rstrip('\n').split('\t') for l in f if l.strip()]


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return None
    k = (len(xs) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def f2(x):
    return 'n/a' if x is None else '%.2f' % x


def human(n):
    n = float(n)
    for u in ('B', 'KiB', 'MiB', 'GiB'):
        if n < 1024 or u == 'GiB':
            return ('%.0f %s' if u == 'B' else '%.1f %s') % (n, u)
        n /= 1024


def lat_stats(rows, peer, mode, variant):
    xs = [float(r[4]) for r in rows if r[0] == peer and r[1] == mode and r[3] == variant]
    if not xs:
        return None, None
    return statistics.median(xs), pct(xs, 95)


def main():
    out, corpora = sys.argv[1], sys.argv[2:]
    md = []
    machine = tsv(os.path.join(out, 'machine.tsv'))
    m = {r[0]: r[1] if len(r) > 1 else '' for r in machine}
    md.append('# khabar benchmark (%s)\n' % m.get('date', '?'))
    md.append('Produced by `bench/run.sh`; see bench/README.md for what each number means. '
              'Single run on a shared machine: run twice before quoting (medians within ~10-20%).\n')
    try:
        ncpu = int(m.get('cores', '1').split()[0])
        loads = [float(m[k].split()[0]) for k in ('load', 'load_end') if k in m]
        if loads and max(loads) > ncpu:
            md.append('**Warning: the machine was busy (1-minute load average %s on %d cores): every timing below '
                      'is inflated, CPU seconds included; rerun on a quiet machine before quoting.**\n' % (
                          ' → '.join('%.1f' % x for x in loads), ncpu))
    except ValueError:
        pass
    md.append('## Machine\n')
    md.append('| | |')
    md.append('|---|---|')
    for k in ('cpu', 'cores', 'ram', 'kernel', 'os', 'compiler', 'khabar', 'commit', 'date', 'load', 'load_end', 'settings'):
        if k in m:
            md.append('| %s | %s |' % (k, m[k].replace('|', '\\|')))
    md.append('')

    # khabar summary ----------------------------------------------------------------------------
    md.append('## khabar at a glance\n')
    md.append('Index from the canonical JSONL (peers harness, `khabar index`, default threads); latency warm, ms. '
              '"CLI" = one `khabar search --json` process per query (+ the adapter\'s mawk converter), '
              'timed from outside; "− floor" subtracts the harness\' spawn-floor p50 (python → bash → exec).\n')
    md.append('| corpus | articles | JSONL | index wall s | CPU s | peak RSS | index size (×JSONL) | docs/s | MB/s | '
              'in-process p50 / p95 plain | date | CLI p50 / p95 plain | date | CLI p50 − floor | zero-hit queries | date violations |')
    md.append('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    for c in corpora:
        d = os.path.join(out, c)
        meta = {r[0]: r[1] for r in tsv(os.path.join(d, 'raw', 'corpus.tsv')) if len(r) > 1}
        if not meta:
            md.append('| %s | (no run) |' % NAMES.get(c, c))
            continue
        docs, cbytes = int(meta['docs']), int(meta['bytes'])
        idx = [r for r in tsv(os.path.join(d, 'raw', 'index.tsv')) if r[0] == ENGINE]
        rows = tsv(os.path.join(d, 'latency.tsv'))[1:]
        qs = {r[0]: r for r in tsv(os.path.join(d, 'queries.tsv'))}
        if idx:
            _, wall, usr, sy, rss, size, rc = idx[-1]
            wall = float(wall)
            icells = '%.2f%s | %.2f | %s | %s (%.2f) | %.0f | %.2f' % (
                wall, '' if rc == '0' else ' (rc=%s)' % rc, float(usr) + float(sy), human(int(rss) * 1024),
                human(int(size)), int(size) / cbytes, docs / wall, cbytes / 1e6 / wall)
        else:
            icells = 'n/a | | | | |'
        ip, ipd = lat_stats(rows, ENGINE, 'inproc', 'plain'), lat_stats(rows, ENGINE, 'inproc', 'date')
        cp, cpd = lat_stats(rows, ENGINE, 'cli', 'plain'), lat_stats(rows, ENGINE, 'cli', 'date')
        floor = lat_stats(rows, 'spawn-floor', 'exec-true', 'plain')[0]
        mine = [r for r in rows if r[0] == ENGINE and r[1] == 'inproc'] or [r for r in rows if r[0] == ENGINE]
        zero = sum(1 for r in mine if r[5] == '0')
        # date violations from the khabar hits
        viol = 0
        hits = tsv(os.path.join(d, 'hits.tsv'))[1:]
        for h in hits:
            if h[0] != ENGINE:
                continue
            q = qs.get(h[2])
            if q and len(q) > 3 and q[2] and h[6]:
                day = h[6][:10]
                if day < q[2] or day > q[3]:
                    viol += 1
        dated = any(len(q) > 3 and q[2] for q in qs.values())
        pair = lambda t: '%s / %s' % (f2(t[0]), f2(t[1])) if t[0] is not None else 'n/a'
        md.append('| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s / %d | %s |' % (
            NAMES.get(c, c), docs, human(cbytes), icells, pair(ip), pair(ipd), pair(cp), pair(cpd),
            f2(cp[0] - floor) if cp[0] is not None and floor is not None else 'n/a', zero, len(mine),
            str(viol) if dated else 'n/a (undated)'))
    md.append('')

    # direct dump indexing ------------------------------------------------------------------------
    direct = tsv(os.path.join(out, 'direct', 'direct.tsv'))
    if direct:
        md.append('## `khabar index` on the original dump files\n')
        md.append('`/usr/bin/time khabar index --db DB -q DUMP` on the files as shipped (no conversion); '
                  'docs = documents in the database afterwards; MB/s over the input as given (compressed for '
                  'the tarball) and over its uncompressed bytes (every file in the archive).\n')
        md.append('| dump | threads | wall s | CPU s | peak RSS | index size | docs | docs/s | MB/s input | '
                  'MB/s uncompressed | exit |')
        md.append('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
        for c, th, wall, usr, sy, rss, size, docs, inb, raw, rc in (r[:11] for r in direct):
            wall = float(wall)
            md.append('| %s (%s) | %s | %.2f | %.2f | %s | %s | %s | %.0f | %.2f | %.2f | %s |' % (
                DUMPS.get(c, c), human(int(inb)), 'default' if th == '0' else th, wall,
                float(usr) + float(sy), human(int(rss) * 1024), human(int(size)), docs,
                int(docs) / wall if wall else 0, int(inb) / 1e6 / wall if wall else 0,
                int(raw) / 1e6 / wall if wall else 0, rc))
        md.append('')
        checks = []
        for c in corpora:
            cmp_file = os.path.join(out, 'direct', c + '.compare.txt')
            if os.path.exists(cmp_file):
                lines = open(cmp_file, encoding='utf-8').read().splitlines()
                if lines:
                    checks.append('- %s, stored articles, direct (A) vs JSONL (B) index: %s' % (NAMES.get(c, c), lines[0]))
                    checks += ['  - `%s`' % l.strip().replace('`', "'") for l in lines[1:]]
            a = {r[0]: r for r in tsv(os.path.join(out, 'direct', c + '.lat.tsv'))}
            b = {r[0]: r for r in tsv(os.path.join(out, c, 'raw', ENGINE + '__inproc.lat.tsv'))}
            common = sorted(set(a) & set(b))
            if not common:
                continue
            diff = [q for q in common if a[q][2] != b[q][3]]
            checks.append('- %s: the direct index and the JSONL index give the same exact match count on '
                          '%d of %d queries%s' % (
                              NAMES.get(c, c), len(common) - len(diff), len(common),
                              '' if not diff else '; differing (query: direct vs JSONL): ' + ', '.join(
                                  '%s %d vs %s' % (q, int(a[q][2]), b[q][3]) for q in diff[:8])
                              + (' …' if len(diff) > 8 else '')))
        if checks:
            md.append('Consistency of the two ways in (`bench/tools/compare_dbs.py`; match counts with the '
                      'in-process runner). The JSONL comes from the shared converters, so differences can be '
                      'theirs: compare the examples.\n')
            md += checks
            md.append('')

    # peers tables ----------------------------------------------------------------------------
    for c in corpora:
        p = os.path.join(out, c, 'peers.md')
        if not os.path.exists(p):
            continue
        md.append('## %s: khabar and its peers\n' % NAMES.get(c, c))
        md.append('(peers harness output, `%s/peers.md`; samples in `%s/samples.md`)\n' % (c, c))
        for line in open(p, encoding='utf-8').read().splitlines():
            if line.startswith('#'):
                line = '##' + line
            md.append(line)
        md.append('')
    open(os.path.join(out, 'report.md'), 'w', encoding='utf-8').write('\n'.join(md) + '\n')


if __name__ == '__main__':
    main()
