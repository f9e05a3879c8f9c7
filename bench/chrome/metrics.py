"""Metrics of the chrome bench (issue 13 targets), pure functions over labels and observations.

A page's observation is a dict: `date` (what khabar stored, "YYYY-MM-DD", "YYYY-MM", "YYYY" or
None), `found` (False when the page is not in the database at all), `phrase_hits` ({phrase:
(pages of its site matching it in the raw-text index, pages of its site matching it cleaned)}), `chrome_left` (how many of its chrome phrases
are still in its stored title/body), `lead_rank` (1-based rank of the page for its lead query,
None when not in the results).
"""

import re

# A word: letters/digits with the combining marks Urdu text carries inside words (madda, hamza
# above, zer/zabar/pesh, superscript alef), so that "آ" written as alef + madda stays one word.
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u200C]+")


def tokenize(text):
    """Lower-cased words of a text (the bench's own tokenizer, for phrases and lead queries)."""
    return [w.replace("\u200c", "") for w in _WORD.findall((text or "").lower())]


TARGETS = {  # metric -> (comparison, threshold, how the issue words it)
    "chrome_dated": ("==", 0, "0 pages dated from chrome"),
    "undated_kept": (">=", 1.0, "pages without their own date stay undated"),
    "true_date": (">=", 0.99, "the true date found on >= 0.99 of pages that state one"),
    "phrases_silent": (">=", 0.95, ">= 95 % of chrome-only phrases find nothing"),
    "lead_first": (">=", 0.90, "each article's lead query finds it first >= 0.90"),
    "index_cost": ("<=", 0.10, "cleaning costs <= 10 % of indexing time"),
}


def date_outcome(truth, got, chrome_dates):
    """One of: right (the true date, to the day), kept_undated (no own date, none stored),
    missed (an own date, none stored), chrome (a date of the page's chrome that is not its own),
    wrong (any other date)."""
    if not got:
        return "missed" if truth else "kept_undated"
    if truth and got[:10] == truth:
        return "right"
    if got[:10] in chrome_dates:
        return "chrome"
    return "wrong"


def share(num, den):
    return None if den == 0 else num / den


def aggregate(pages):
    """pages: [(label, observation)] -> counts and shares over them.

    Phrases are counted once per (site, phrase): a phrase on several pages of one site is one
    phrase of that site. A phrase is *valid* when some page of its site matches it in the
    raw-text index (every page's visible text indexed with --keep-chrome: khabar tokenizes the
    phrase as the page holds it); it is *silent* when no page of its site matches it cleaned."""
    c = dict(pages=0, missing=0, dated=0, right=0, undated=0, kept_undated=0, chrome_dated=0,
             wrong_dated=0, chrome_left_pages=0, lead_first=0, lead_top10=0,
             phrases=0, phrases_valid=0, phrases_silent=0)
    seen = {}
    for label, obs in pages:
        c["pages"] += 1
        if not obs.get("found", True):
            c["missing"] += 1
        outcome = date_outcome(label["own_date"], obs.get("date"), label["chrome_dates"])
        if label["own_date"]:
            c["dated"] += 1
            c["right"] += outcome == "right"
        else:
            c["undated"] += 1
            c["kept_undated"] += outcome == "kept_undated"
        c["chrome_dated"] += outcome == "chrome"
        c["wrong_dated"] += outcome == "wrong"
        c["chrome_left_pages"] += obs.get("chrome_left", 0) > 0
        rank = obs.get("lead_rank")
        c["lead_first"] += rank == 1
        c["lead_top10"] += rank is not None and rank <= 10
        for phrase, (raw, clean) in obs.get("phrase_hits", {}).items():
            seen[(label["site"], phrase)] = (raw, clean)
    c["phrases"] = len(seen)
    c["phrases_valid"] = sum(1 for raw, _ in seen.values() if raw > 0)
    c["phrases_silent"] = sum(1 for raw, clean in seen.values() if raw > 0 and clean == 0)
    c["share_true_date"] = share(c["right"], c["dated"])
    c["share_undated_kept"] = share(c["kept_undated"], c["undated"])
    c["share_phrases_silent"] = share(c["phrases_silent"], c["phrases_valid"])
    c["share_lead_first"] = share(c["lead_first"], c["pages"])
    c["share_chrome_left"] = share(c["chrome_left_pages"], c["pages"])
    return c


def verdict(metric, value):
    """True (pass), False (fail) or None (nothing to measure)."""
    if value is None:
        return None
    op, threshold, _ = TARGETS[metric]
    if op == "==":
        return value == threshold
    if op == ">=":
        return value >= threshold - 1e-12
    return value <= threshold + 1e-12


def verdicts(c):
    """Pass/fail of one aggregate against the issue's targets (index cost aside)."""
    return {
        "chrome_dated": verdict("chrome_dated", c["chrome_dated"]),
        "undated_kept": verdict("undated_kept", c["share_undated_kept"]),
        "true_date": verdict("true_date", c["share_true_date"]),
        "phrases_silent": verdict("phrases_silent", c["share_phrases_silent"]),
        "lead_first": verdict("lead_first", c["share_lead_first"]),
    }


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    if n == 0:
        return None
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def index_cost(clean_times, keep_times):
    """Extra wall time of cleaning over --keep-chrome: median(clean) / median(keep) - 1."""
    mc, mk = median(clean_times), median(keep_times)
    if not mc or not mk:
        return None
    return mc / mk - 1


def phrase_in(phrase, text):
    """Is the phrase (words joined by single spaces) a run of consecutive words of the text?"""
    return f" {phrase} " in f" {' '.join(tokenize(text))} "
