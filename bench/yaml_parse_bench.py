"""Parsing every policy_data/*.yaml: the loader the build uses vs. PyYAML's pure-Python SafeLoader.

    .venv/bin/python bench/yaml_parse_bench.py [--rounds N]

Baseline, measured in the same run on the same files: yaml.SafeLoader with the same resolvers.
Measured: policy_build.yaml_source.parse_yaml (libyaml's CSafeLoader plus the event pre-pass that
refuses anchors, aliases and deep nesting). Prints the best of N rounds of each and the ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from policy_build import yaml_source  # noqa: E402


class PurePythonLoader(yaml.SafeLoader):
    yaml_implicit_resolvers = yaml_source.PolicyYamlLoader.yaml_implicit_resolvers


def best_of(rounds: int, parse, texts: list[str]) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            parse(text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[1] / "policy_data"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.yaml"))]
    baseline = best_of(args.rounds, lambda text: yaml.load(text, Loader=PurePythonLoader), texts)
    measured = best_of(args.rounds, yaml_source.parse_yaml, texts)
    print(f"{len(texts)} files: SafeLoader (baseline) {baseline * 1000:.0f} ms, parse_yaml {measured * 1000:.0f} ms, "
          f"{baseline / measured:.1f}x faster")


if __name__ == "__main__":
    main()
