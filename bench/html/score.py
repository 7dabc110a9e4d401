#!/usr/bin/env python3
"""Scores extractor outputs with the benchmark's own evaluate.py, on its two halves and on all pages.

    score.py BENCH_DIR NAME=OUTPUT.json [NAME=OUTPUT.json ...] [--markdown FILE] [--worst N]

The dev half is the pages whose index in sorted file-name order is even; the held-out half the odd
ones. Tuning looks only at the dev half: `--worst N` lists the N lowest-scoring dev pages of the
first output and never shows a held-out page.
"""
import argparse
import importlib.util
import json
import sys
from pathlib import Path


def load_evaluate(bench: Path):
    spec = importlib.util.spec_from_file_location("aeb_evaluate", bench / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_output(evaluate, path: Path):
    prediction, _ = evaluate.load_prediction(path)
    return {key: {"articleBody": value.get("articleBody") or ""} for key, value in prediction.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bench", type=Path)
    parser.add_argument("outputs", nargs="+")
    parser.add_argument("--markdown", type=Path)
    parser.add_argument("--worst", type=int, default=0)
    parser.add_argument("--n-bootstrap", type=int, default=200)
    args = parser.parse_args()

    evaluate = load_evaluate(args.bench)
    truth = evaluate.load_json(args.bench / "ground-truth.json")
    ids = sorted(path.name.split(".")[0] for path in (args.bench / "html").glob("*.html.gz"))
    splits = {"dev": ids[0::2], "held-out": ids[1::2], "all": ids}

    rows = []
    for item in args.outputs:
        name, path = item.split("=", 1)
        prediction = load_output(evaluate, Path(path))
        for split, keys in splits.items():
            metrics = evaluate.evaluate(
                {key: truth[key] for key in keys}, {key: prediction.get(key, {"articleBody": ""}) for key in keys},
                args.n_bootstrap)
            rows.append((name, split, len(keys), metrics))
            print(f"{name:<12} {split:<9} n={len(keys):<4} F1 {metrics['f1']:.3f} ± {metrics['f1_std']:.3f}  "
                  f"P {metrics['precision']:.3f}  R {metrics['recall']:.3f}  acc {metrics['accuracy']:.3f}")

    if args.worst:
        name, path = args.outputs[0].split("=", 1)
        prediction = load_output(evaluate, Path(path))
        scored = []
        for key in splits["dev"]:
            tp, fp, fn = evaluate.string_shingle_matching(
                true=truth[key].get("articleBody", ""), pred=prediction.get(key, {}).get("articleBody", ""))
            precision = evaluate.precision_score(tp, fp, fn)
            recall = evaluate.recall_score(tp, fp, fn)
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
            scored.append((f1, precision, recall, ids.index(key), key))
        for f1, precision, recall, index, key in sorted(scored)[: args.worst]:
            print(f"dev #{index:<4} {key[:16]}  F1 {f1:.3f}  P {precision:.3f}  R {recall:.3f}")

    if args.markdown:
        lines = ["| extractor | split | pages | F1 | precision | recall | accuracy |", "|---|---|---|---|---|---|---|"]
        for name, split, count, m in rows:
            lines.append(f"| {name} | {split} | {count} | {m['f1']:.3f} ± {m['f1_std']:.3f} | {m['precision']:.3f} | "
                         f"{m['recall']:.3f} | {m['accuracy']:.3f} |")
        args.markdown.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
