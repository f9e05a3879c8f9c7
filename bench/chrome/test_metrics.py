#!/usr/bin/env python3
"""Unit tests of metrics.py on small hand-computed examples.
Run from the repository root: python3 -m unittest bench/chrome/test_metrics.py
(or, inside bench/chrome: python3 -m unittest)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import metrics as M  # noqa: E402


def label(site, own="", chrome=(), phrases=()):
    return {"site": site, "own_date": own, "chrome_dates": list(chrome),
            "chrome_phrases": list(phrases)}


class DateOutcome(unittest.TestCase):
    def test_outcomes(self):
        chrome = ["2024-05-02", "2024-05-03"]
        self.assertEqual(M.date_outcome("1987-03-02", "1987-03-02", chrome), "right")
        self.assertEqual(M.date_outcome("1987-03-02", None, chrome), "missed")
        self.assertEqual(M.date_outcome("", None, chrome), "kept_undated")
        self.assertEqual(M.date_outcome("", "2024-05-03", chrome), "chrome")
        # a dated page that got its sidebar's date: dated from chrome, not right
        self.assertEqual(M.date_outcome("1987-03-02", "2024-05-02", chrome), "chrome")
        self.assertEqual(M.date_outcome("", "2019-11-18", chrome), "wrong")
        # a month-only date is not the day
        self.assertEqual(M.date_outcome("1987-03-02", "1987-03", chrome), "wrong")
        # a chrome date equal to the page's own date counts as right
        self.assertEqual(M.date_outcome("2024-05-02", "2024-05-02", chrome), "right")


class Aggregate(unittest.TestCase):
    # Site a: p1 dated 1987-03-02, found; p2 undated, got its sidebar's 2024-05-03;
    # p3 undated, stayed undated. Site b: p4 dated, missed.
    pages = [
        (label("a", "1987-03-02", ["2024-05-03"], ["most read", "top stories"]),
         {"date": "1987-03-02", "lead_rank": 1, "chrome_left": 0,
          "phrase_hits": {"most read": (5, 0), "top stories": (5, 2)}}),
        (label("a", "", ["2024-05-03"], ["most read", "cookie policy"]),
         {"date": "2024-05-03", "lead_rank": 2, "chrome_left": 1,
          "phrase_hits": {"most read": (5, 0), "cookie policy": (0, 0)}}),
        (label("a", "", ["2024-05-03"], []),
         {"date": None, "lead_rank": None, "chrome_left": 0, "phrase_hits": {}}),
        (label("b", "1987-04-01", [], ["most read"]),
         {"date": None, "lead_rank": 1, "chrome_left": 0,
          "phrase_hits": {"most read": (3, 1)}}),
    ]

    def test_counts(self):
        c = M.aggregate(self.pages)
        self.assertEqual(c["pages"], 4)
        self.assertEqual((c["dated"], c["right"]), (2, 1))          # p1 right, p4 missed
        self.assertEqual((c["undated"], c["kept_undated"]), (2, 1))  # p3 kept, p2 not
        self.assertEqual(c["chrome_dated"], 1)                       # p2
        self.assertEqual(c["wrong_dated"], 0)
        self.assertEqual(c["chrome_left_pages"], 1)
        self.assertEqual((c["lead_first"], c["lead_top10"]), (2, 3))
        # (site, phrase) pairs: a/most read (silent), a/top stories (found), a/cookie policy
        # (invalid: not in the raw index), b/most read (found) -> 3 valid, 1 silent
        self.assertEqual((c["phrases"], c["phrases_valid"], c["phrases_silent"]), (4, 3, 1))
        self.assertAlmostEqual(c["share_phrases_silent"], 1 / 3)
        self.assertAlmostEqual(c["share_true_date"], 0.5)
        self.assertAlmostEqual(c["share_undated_kept"], 0.5)
        self.assertAlmostEqual(c["share_lead_first"], 0.5)

    def test_verdicts(self):
        v = M.verdicts(M.aggregate(self.pages))
        self.assertEqual(v, {"chrome_dated": False, "undated_kept": False, "true_date": False,
                             "phrases_silent": False, "lead_first": False})
        good = M.aggregate([self.pages[0]])
        # one dated page, right, lead first; phrases: 1 silent of 2 valid
        v = M.verdicts(good)
        self.assertTrue(v["chrome_dated"])
        self.assertIsNone(v["undated_kept"])                         # nothing to measure
        self.assertTrue(v["true_date"])
        self.assertFalse(v["phrases_silent"])
        self.assertTrue(v["lead_first"])

    def test_empty(self):
        c = M.aggregate([])
        self.assertIsNone(c["share_true_date"])
        self.assertIsNone(M.verdict("true_date", c["share_true_date"]))


class Thresholds(unittest.TestCase):
    def test_edges(self):
        self.assertTrue(M.verdict("phrases_silent", 0.95))
        self.assertFalse(M.verdict("phrases_silent", 0.949))
        self.assertTrue(M.verdict("true_date", 0.99))
        self.assertTrue(M.verdict("index_cost", 0.10))
        self.assertFalse(M.verdict("index_cost", 0.1001))
        self.assertFalse(M.verdict("chrome_dated", 1))

    def test_index_cost(self):
        # medians 2.2 (clean) and 2.0 (keep): +10 %
        self.assertAlmostEqual(M.index_cost([2.2, 9.0, 1.0], [2.0, 2.1, 1.9]), 0.1)
        self.assertAlmostEqual(M.median([4, 1, 3, 2]), 2.5)
        self.assertIsNone(M.index_cost([], [1.0]))


class Words(unittest.TestCase):
    def test_tokenize(self):
        self.assertEqual(M.tokenize("Updated 03 May, 2024"), ["updated", "03", "may", "2024"])
        # alef + madda (two code points) stays one word
        word = "\u0627\u0653سٹریلیا"
        self.assertEqual(M.tokenize(word + " اور"), [word, "اور"])

    def test_phrase_in(self):
        self.assertTrue(M.phrase_in("most read", "Sport. Most  Read: today"))
        self.assertFalse(M.phrase_in("most read", "almost ready"))


if __name__ == "__main__":
    unittest.main()
