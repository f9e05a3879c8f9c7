#!/usr/bin/env python3
"""urdu-news-ha405 CSVs (express_articles.csv, samaa_articles.csv) -> canonical JSON Lines.

One article per line: {"id","url","title","date","lang","body"} (the peers harness format).
  id    "<file stem, _ -> ->-<csv id>", e.g. "express-articles-0", "samaa-articles-17": the CSV ids
        restart at 0 in every file, so they are qualified by the file the way `khabar index` itself
        qualifies numeric ids (so bench/tools/compare_dbs.py can match the two indexes by id)
  url   the CSV `link`
  date  "" (the dump carries no dates: no date-range query variants are generated)
  lang  "ur"
  body  the CSV `content`, text kept exactly as shipped (no Unicode normalization)
Rows with neither title nor content are dropped (counted on stderr). Files are read in sorted
name order, rows in file order: the output is deterministic.
Usage: ha405_to_jsonl.py DIR_OR_CSV... > corpus.jsonl
"""
import csv, glob, json, os, re, sys


def main(args):
    files = []
    for a in args or ['.']:
        files += sorted(glob.glob(os.path.join(a, '*.csv'))) if os.path.isdir(a) else [a]
    if not files:
        sys.exit('ha405_to_jsonl.py: no CSV files')
    csv.field_size_limit(1 << 30)
    n = dropped = 0
    out = sys.stdout
    for f in files:
        stem = os.path.splitext(os.path.basename(f))[0].lower()
        ns = re.sub(r'[^0-9a-z]+', '-', stem).strip('-')
        with open(f, encoding='utf-8-sig', newline='') as fh:
            for row in csv.DictReader(fh):
                title = (row.get('title') or '').strip()
                body = (row.get('content') or '').strip()
                if not title and not body:
                    dropped += 1
                    continue
                rec = {"id": '%s-%s' % (ns, (row.get('id') or str(n)).strip()),
                       "url": (row.get('link') or '').strip(), "title": title, "date": "",
                       "lang": "ur", "body": body}
                out.write(json.dumps(rec, ensure_ascii=False) + '\n')
                n += 1
    sys.stderr.write('ha405_to_jsonl.py: %d articles from %d files, %d dropped\n' % (n, len(files), dropped))


if __name__ == '__main__':
    main(sys.argv[1:])
