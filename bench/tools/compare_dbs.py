#!/usr/bin/python3
"""Compare the articles of two khabar databases by id (read with `khabar export`).

  compare_dbs.py DB_A DB_B [--show N] [--khabar PATH]

Prints one summary line (articles only in A, only in B, and, for common ids, how many differ in
title, date, lang, body; text fields compared with runs of whitespace folded to one space, so a
reader that unwraps lines is not a difference), then up to N examples of each kind (default 3). Used by bench/run.sh to
check that `khabar index DUMP` and `khabar index converted.jsonl` store the same articles.
The stored records are read by khabar itself (`--khabar`, default `khabar` on the PATH), which
owns their format (packed records, common/database/packed_record.h).
Exit status 0 always (it reports, it does not judge).
"""
import json, subprocess, sys


def articles(khabar, path):
    out = {}
    lines = subprocess.run([khabar, 'export', '--db', path], capture_output=True, check=True).stdout
    for line in lines.splitlines():
        d = json.loads(line)
        out.setdefault(d.get('id', ''), d)
    return out


def main():
    a_path, b_path = sys.argv[1], sys.argv[2]
    show = int(sys.argv[sys.argv.index('--show') + 1]) if '--show' in sys.argv else 3
    khabar = sys.argv[sys.argv.index('--khabar') + 1] if '--khabar' in sys.argv else 'khabar'
    a, b = articles(khabar, a_path), articles(khabar, b_path)
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    diff = {k: [] for k in ('title', 'date', 'lang', 'body')}
    ws = {}
    for i in sorted(set(a) & set(b)):
        for k in diff:
            va, vb = a[i].get(k) or '', b[i].get(k) or ''
            if va != vb:
                if ' '.join(va.split()) == ' '.join(vb.split()):
                    ws[k] = ws.get(k, 0) + 1
                else:
                    diff[k].append(i)
    print('%d vs %d articles; only in A: %d, only in B: %d; common %d, differing: %s' % (
        len(a), len(b), len(only_a), len(only_b), len(set(a) & set(b)),
        ', '.join('%s %d' % (k, len(v)) for k, v in diff.items())) +
        ('' if not ws else ' (+ whitespace only: %s)' % ', '.join('%s %d' % kv for kv in sorted(ws.items()))))
    for name, ids, src in (('only in A', only_a, a), ('only in B', only_b, b)):
        for i in ids[:show]:
            o = src[i].get('origin') or {}
            print('  %s: %s %r (%s%s, body %d bytes)' % (name, i, (src[i].get('title') or '')[:60],
                  o.get('entry') or o.get('file', ''), ':%s' % o['record'] if o.get('record') else '',
                  len(src[i].get('body') or '')))
    for k, ids in diff.items():
        for i in ids[:show]:
            va, vb = a[i].get(k) or '', b[i].get(k) or ''
            if k == 'body':
                va, vb = ' '.join(va.split()), ' '.join(vb.split())
                p = next((j for j in range(min(len(va), len(vb))) if va[j] != vb[j]), min(len(va), len(vb)))
                va, vb = va[max(0, p - 20):p + 40], vb[max(0, p - 20):p + 40]
            print('  %s differs for %s: A %r | B %r' % (k, i, va[:100], vb[:100]))


if __name__ == '__main__':
    main()
