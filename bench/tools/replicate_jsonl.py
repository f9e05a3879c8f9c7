#!/usr/bin/env python3
"""replicate_jsonl.py CORPUS.jsonl K > OUT.jsonl: K copies of a canonical JSONL corpus, for the
scaling runs of bench/tools/scaling.sh. Copy 1 is the corpus as it is; copy i > 1 gives every
article a new id (`ID~rI`) and URL (`URL#rI`), so khabar indexes it as a new article instead of
replacing the original. Titles, bodies and dates are unchanged: the vocabulary does not grow with
K (a real archive's does), and copies share their duplicate key (search collapses them)."""
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, k = sys.argv[1], int(sys.argv[2])
    out = sys.stdout
    for i in range(1, k + 1):
        with open(path, encoding='utf-8') as f:
            for line in f:
                if not line.strip():
                    continue
                if i == 1:
                    out.write(line if line.endswith('\n') else line + '\n')
                    continue
                a = json.loads(line)
                a['id'] = '%s~r%d' % (a.get('id', ''), i)
                if a.get('url'):
                    a['url'] = '%s#r%d' % (a['url'], i)
                out.write(json.dumps(a, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()
