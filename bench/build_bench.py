"""CPU time of `mkdocs build --strict`, against a bare mkdocs build measured in the same run.

Usage:  .venv/bin/python bench/build_bench.py [--runs 5]

Measured: user + sys CPU seconds of the `mkdocs build` child process
(`resource.getrusage(RUSAGE_CHILDREN)` before/after each run), median of N runs, after one
warm-up build (so the Pyodide + checker-wheel vendoring is cached in build/pyodide/, as on any
second build). Baseline: the same mkdocs + Material theme building a docs folder with one empty page — what the engine costs
before any of our work. The target of issue 12 is ≤ 1.5 s CPU for the real build.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
BARE_CONFIG = """\
site_name: bare
docs_dir: docs
theme: {name: material, language: zh, font: false}
plugins: []
"""
TARGET_SECONDS = 1.5


def cpu_seconds(cmd: list[str], cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run(cmd, cwd=cwd, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                         capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{run.stdout}\n{run.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cpu(cmd: list[str], cwd: Path, runs: int) -> tuple[float, list[float]]:
    cpu_seconds(cmd, cwd)                       # warm-up: caches (Pyodide vendoring, compressed copies, .pyc)
    samples = [cpu_seconds(cmd, cwd) for _ in range(runs)]
    return statistics.median(samples), samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="yzt-bench-") as tmp:
        bare = Path(tmp) / "bare"
        (bare / "docs").mkdir(parents=True)
        (bare / "docs" / "index.md").write_text("# 空\n", encoding="utf-8")
        (bare / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
        base, base_samples = median_cpu([MKDOCS, "build", "--strict", "--quiet", "--site-dir", str(bare / "site")],
                                        bare, args.runs)
        real, real_samples = median_cpu([MKDOCS, "build", "--strict", "--quiet", "--site-dir", str(Path(tmp) / "site")],
                                        REPO, args.runs)
    print(f"mkdocs build --strict CPU (user+sys of the child, median of {args.runs}, after a warm-up):")
    print(f"  bare mkdocs-material (one empty page): {base:.2f} s  {[round(s, 2) for s in base_samples]}")
    print(f"  渝职通 site:                            {real:.2f} s  {[round(s, 2) for s in real_samples]}")
    print(f"  ratio site / bare: {real / base:.2f}×;  our share: {real - base:.2f} s")
    verdict = "meets" if real <= TARGET_SECONDS else "misses"
    print(f"  target ≤ {TARGET_SECONDS} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
