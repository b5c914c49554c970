"""Median time of one checker evaluation over the golden cases.

    .venv/bin/python bench/checker_bench.py [--rounds N]

Baseline, measured in the same run on the same answers: a JSON round trip of
the answers (json.loads(json.dumps(answers))). Prints both medians and the ratio.
Target: one evaluation < 5 ms median on CPython.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker import check  # noqa: E402
from checker.rulebook import rulebook  # noqa: E402


def _median_ms(fn, inputs: list, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        for item in inputs:
            start = time.perf_counter()
            fn(item)
            samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    cases = [case for path in sorted(REPO.glob("policy_data/notices/*/golden_cases.yaml"))
             for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]]
    answers = [c["answers"] for c in cases]
    rulebook()                                   # load rules.json once, as a long-lived page would
    for a in answers:                            # warm-up
        check(a)
    checker_ms = _median_ms(check, answers, args.rounds)
    baseline_ms = _median_ms(lambda a: json.loads(json.dumps(a, ensure_ascii=False)), answers, args.rounds)
    print(f"cases: {len(answers)}, rounds: {args.rounds}, evaluations: {len(answers) * args.rounds}")
    print(f"checker   median: {checker_ms:.3f} ms per evaluation")
    print(f"baseline  median: {baseline_ms:.4f} ms per JSON round trip of the answers")
    print(f"ratio: {checker_ms / baseline_ms:.0f}x baseline; target < 5 ms: {'met' if checker_ms < 5 else 'NOT met'}")
    return 0 if checker_ms < 5 else 1


if __name__ == "__main__":
    sys.exit(main())
