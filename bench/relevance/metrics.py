#!/usr/bin/env python3
"""Ranking metrics for bench/relevance (python3 standard library only).

A *run* for one query is the ranked list of returned document ids (best first, duplicates
ignored after their first occurrence). The *judgments* for one query map a document id to its
gain: 0 = not relevant, >0 = relevant (binary sets use 1; graded sets give larger numbers to
better documents). Unjudged documents count as not relevant.

Definitions (k = 10 where a cut-off is named):
  AP        average precision: sum over the relevant documents retrieved of the precision at
            their rank, divided by the number of relevant documents judged (retrieved or not).
            MAP is its mean over queries. Computed over the whole run given (the harness asks
            every engine for the same depth, 100), so it is AP@depth as trec_eval computes it.
  nDCG@k    DCG@k / IDCG@k, DCG@k = sum_{i=1..k} gain(d_i) / log2(i + 1) (linear gain, as
            trec_eval's ndcg); IDCG@k = the same sum over the judged gains sorted descending.
            With binary gains this is the usual binary nDCG.
  P@k       relevant documents among the first k / k (a run shorter than k is padded with
            non-relevant ones: a known-item query can reach at most 1/k).
  MRR@k     1 / rank of the first relevant document if that rank <= k, else 0 (RR@k; the mean
            over queries is MRR@k).
  Success@k 1 if a relevant document is among the first k, else 0.
Queries without any relevant judgment are not evaluable and must be left out by the caller
(evaluate() does so and reports how many it skipped).
"""
import math

METRICS = ('MAP', 'nDCG@10', 'P@10', 'MRR@10', 'S@1', 'S@10')


def _dedup(run):
    seen, out = set(), []
    for d in run:
        if d not in seen:
            seen.add(d)
            out.append(d)
    return out


def average_precision(run, qrels):
    run = _dedup(run)
    nrel = sum(1 for g in qrels.values() if g > 0)
    if nrel == 0:
        return 0.0
    hits, total = 0, 0.0
    for i, d in enumerate(run, 1):
        if qrels.get(d, 0) > 0:
            hits += 1
            total += hits / i
    return total / nrel


def dcg_at(gains, k):
    return sum(g / math.log2(i + 1) for i, g in enumerate(gains[:k], 1))


def ndcg_at(run, qrels, k=10):
    run = _dedup(run)
    ideal = dcg_at(sorted((g for g in qrels.values() if g > 0), reverse=True), k)
    if ideal == 0:
        return 0.0
    return dcg_at([max(qrels.get(d, 0), 0) for d in run], k) / ideal


def precision_at(run, qrels, k=10):
    run = _dedup(run)
    return sum(1 for d in run[:k] if qrels.get(d, 0) > 0) / k


def rr_at(run, qrels, k=10):
    run = _dedup(run)
    for i, d in enumerate(run[:k], 1):
        if qrels.get(d, 0) > 0:
            return 1.0 / i
    return 0.0


def success_at(run, qrels, k):
    return 1.0 if rr_at(run, qrels, k) > 0 else 0.0


def per_query(run, qrels):
    """All metrics of one query, as a dict keyed by METRICS."""
    return {'MAP': average_precision(run, qrels), 'nDCG@10': ndcg_at(run, qrels, 10),
            'P@10': precision_at(run, qrels, 10), 'MRR@10': rr_at(run, qrels, 10),
            'S@1': success_at(run, qrels, 1), 'S@10': success_at(run, qrels, 10)}


def evaluate(runs, qrels):
    """runs: {qid: [docid, ...]}, qrels: {qid: {docid: gain}}.
    Returns (means {metric: value}, per-query {qid: {metric: value}}, evaluated, skipped).
    Every judged query with a relevant document is evaluated; a query the engine did not answer
    (absent from runs) counts as an empty run. Judged queries without relevant documents are
    skipped."""
    per, skipped = {}, 0
    for qid in sorted(qrels):
        if not any(g > 0 for g in qrels[qid].values()):
            skipped += 1
            continue
        per[qid] = per_query(runs.get(qid, []), qrels[qid])
    n = len(per)
    means = {m: (sum(p[m] for p in per.values()) / n if n else 0.0) for m in METRICS}
    return means, per, n, skipped
