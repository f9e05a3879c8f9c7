#!/usr/bin/env python3
"""Unit tests of metrics.py on small hand-computed examples.
Run from the repository root: python3 -m unittest bench/relevance/test_metrics.py
(or, inside bench/relevance: python3 -m unittest)."""
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import metrics as M  # noqa: E402


class BinaryJudgments(unittest.TestCase):
    # 3 relevant documents (b, d, z); the run finds b at rank 2 and d at rank 4, never z.
    ranking = ['a', 'b', 'c', 'd', 'e']
    qrels = {'b': 1, 'd': 1, 'z': 1, 'a': 0}

    def test_average_precision(self):
        # precision at the relevant ranks: 1/2 and 2/4; divided by the 3 judged relevant
        self.assertAlmostEqual(M.average_precision(self.ranking, self.qrels), (0.5 + 0.5) / 3)

    def test_ndcg(self):
        dcg = 1 / math.log2(3) + 1 / math.log2(5)            # ranks 2 and 4
        idcg = 1 + 1 / math.log2(3) + 1 / math.log2(4)       # ranks 1, 2, 3
        self.assertAlmostEqual(M.ndcg_at(self.ranking, self.qrels, 10), dcg / idcg)
        self.assertAlmostEqual(M.ndcg_at(self.ranking, self.qrels, 10), 0.498189, places=6)

    def test_precision_rr_success(self):
        self.assertAlmostEqual(M.precision_at(self.ranking, self.qrels, 10), 0.2)
        self.assertAlmostEqual(M.precision_at(self.ranking, self.qrels, 2), 0.5)
        self.assertAlmostEqual(M.rr_at(self.ranking, self.qrels, 10), 0.5)
        self.assertEqual(M.success_at(self.ranking, self.qrels, 1), 0.0)
        self.assertEqual(M.success_at(self.ranking, self.qrels, 10), 1.0)
        self.assertEqual(M.rr_at(self.ranking, self.qrels, 1), 0.0)


class GradedJudgments(unittest.TestCase):
    # gains: a=1, b=0 (judged not relevant), c=3, x=2 (not retrieved)
    ranking = ['a', 'b', 'c']
    qrels = {'a': 1, 'b': 0, 'c': 3, 'x': 2}

    def test_ndcg_uses_the_grades(self):
        dcg = 1 / 1 + 0 + 3 / math.log2(4)                   # 2.5
        idcg = 3 / 1 + 2 / math.log2(3) + 1 / math.log2(4)   # 4.761860
        self.assertAlmostEqual(M.ndcg_at(self.ranking, self.qrels, 10), dcg / idcg)
        self.assertAlmostEqual(M.ndcg_at(self.ranking, self.qrels, 10), 0.525005, places=6)

    def test_binary_metrics_treat_any_positive_grade_as_relevant(self):
        self.assertAlmostEqual(M.average_precision(self.ranking, self.qrels), (1 / 1 + 2 / 3) / 3)
        self.assertAlmostEqual(M.rr_at(self.ranking, self.qrels, 10), 1.0)
        self.assertAlmostEqual(M.precision_at(self.ranking, self.qrels, 10), 0.2)

    def test_cutoff(self):
        # at k=1 only a counts: DCG 1; IDCG@1 = 3
        self.assertAlmostEqual(M.ndcg_at(self.ranking, self.qrels, 1), 1 / 3)


class KnownItem(unittest.TestCase):
    qrels = {'target': 1}

    def ranked(self, rank):
        return ['o%d' % i for i in range(1, rank)] + ['target']

    def test_rank_3(self):
        m = M.per_query(self.ranked(3), self.qrels)
        self.assertAlmostEqual(m['MRR@10'], 1 / 3)
        self.assertAlmostEqual(m['nDCG@10'], 0.5)           # 1 / log2(4)
        self.assertAlmostEqual(m['MAP'], 1 / 3)
        self.assertAlmostEqual(m['P@10'], 0.1)
        self.assertEqual((m['S@1'], m['S@10']), (0.0, 1.0))

    def test_rank_1(self):
        m = M.per_query(['target', 'x'], self.qrels)
        self.assertEqual(m, {'MAP': 1.0, 'nDCG@10': 1.0, 'P@10': 0.1, 'MRR@10': 1.0,
                             'S@1': 1.0, 'S@10': 1.0})

    def test_rank_11_is_outside_the_cutoffs_but_counts_for_map(self):
        m = M.per_query(self.ranked(11), self.qrels)
        self.assertEqual((m['MRR@10'], m['nDCG@10'], m['P@10'], m['S@10']), (0.0, 0.0, 0.0, 0.0))
        self.assertAlmostEqual(m['MAP'], 1 / 11)

    def test_empty_run(self):
        self.assertEqual(set(M.per_query([], self.qrels).values()), {0.0})

    def test_duplicate_ids_count_once(self):
        self.assertAlmostEqual(M.rr_at(['a', 'a', 'target'], self.qrels, 10), 0.5)


class Evaluate(unittest.TestCase):
    def test_means_and_skips(self):
        qrels = {'q1': {'a': 1}, 'q2': {'b': 1}, 'q3': {'c': 0}}   # q3: nothing relevant
        runs = {'q1': ['a'], 'q2': ['x', 'y', 'b']}
        means, per, n, skipped = M.evaluate(runs, qrels)
        self.assertEqual((n, skipped), (2, 1))
        self.assertAlmostEqual(means['MRR@10'], (1 + 1 / 3) / 2)
        self.assertAlmostEqual(means['S@1'], 0.5)
        self.assertAlmostEqual(means['nDCG@10'], (1 + 0.5) / 2)

    def test_unanswered_query_counts_as_empty(self):
        means, _, n, _ = M.evaluate({}, {'q1': {'a': 1}})
        self.assertEqual(n, 1)
        self.assertEqual(means['MAP'], 0.0)


class DuplicatesOnFirstPage(unittest.TestCase):
    def test_dups_at(self):
        from evaluate import dups_at
        keys = {'a': 1, 'b': 1, 'c': 2, 'd': 1, 'e': None, 'f': None}
        # b and d repeat a's text; e and f have no key (short bodies): never duplicates
        self.assertEqual(dups_at(['a', 'b', 'c', 'd', 'e', 'f'], keys), 2)
        self.assertEqual(dups_at(['a', 'c', 'e'], keys), 0)
        self.assertEqual(dups_at(['a', 'b'], keys, k=1), 0)          # b is beyond the cut-off
        self.assertEqual(dups_at(['x', 'a', 'b'], keys), 1)          # unknown ids are skipped


if __name__ == '__main__':
    unittest.main()
