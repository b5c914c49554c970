"""Search bench: index size, and first-result latency in the header search box at 4× CPU throttling.

Usage (after `mkdocs build`):  .venv/bin/python bench/search_bench.py [--runs 5] [--query 评中级要多少钱]

Each run opens a fresh browser context (cold HTTP cache) on the FAQ page (no Pyodide start-up competing
for the CPU; the index is fetched on no page until the box is used) and times in the page: first
keystroke (focus + input) -> the
first result list is shown. That covers fetching index.json, building the inverted index, ranking
and rendering. A second query in the same page gives the warm latency (ranking + rendering only).
Runs at 1× (baseline, same run) and 4× CPU throttling (CDP Emulation.setCPUThrottlingRate).
Target: cold first result ≤ 1 s at 4×.
"""
from __future__ import annotations

import argparse
import gzip
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from local_browser import launch, serve_plain

REPO_ROOT = Path(__file__).resolve().parent.parent
SITE = REPO_ROOT / "site"
INDEX = SITE / "search" / "index.json"
# Types the query in one input event and resolves with the ms until its result list is shown.
TIME_QUERY = """(query) => new Promise((resolve) => {
  const list = document.getElementById("yzt-search-results");
  const input = document.querySelector(".md-search__input");
  const started = performance.now();
  const watch = new MutationObserver(() => {
    if (list.dataset.query === query && list.children.length) { watch.disconnect(); resolve(performance.now() - started); }
  });
  watch.observe(list, { attributes: true, childList: true });
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event("input"));
})"""


def time_search(browser, base: str, rate: float, query: str, second: str) -> tuple[float, float]:
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    page.goto(f"{base}faq/", wait_until="load")
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    cold = page.evaluate(TIME_QUERY, query)
    warm = page.evaluate(TIME_QUERY, second)
    context.close()
    return cold, warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--query", default="评中级要多少钱")
    parser.add_argument("--second", default="万州区职改办电话")
    args = parser.parse_args()
    if not INDEX.is_file():
        print("site/ 未构建：先运行 NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build", file=sys.stderr)
        return 1
    raw = INDEX.read_bytes()
    print(f"index: {len(raw) / 1024:.0f} KB raw, {len(gzip.compress(raw, 9)) / 1024:.0f} KB gzip -9 (budget 150 KB)")
    timings: dict[float, list[tuple[float, float]]] = {1: [], 4: []}
    with serve_plain(SITE) as base, sync_playwright() as p:
        browser = launch(p)
        for _ in range(args.runs):  # interleaved so drift hits both alike
            for rate in timings:
                timings[rate].append(time_search(browser, base, rate, args.query, args.second))
        browser.close()
    print(f"runs: {args.runs} (cold cache each, chromium headless, local server); query {args.query!r}, then {args.second!r}")
    medians = {}
    for rate, runs in timings.items():
        cold = statistics.median(c for c, _ in runs)
        warm = statistics.median(w for _, w in runs)
        medians[rate] = cold
        print(f"CPU {rate:g}×: first result (fetch + index + rank + render) median {cold:.0f} ms "
              f"(all: {', '.join(f'{c:.0f}' for c, _ in runs)}); next query median {warm:.0f} ms")
    print(f"ratio 4×/1× first result: {medians[4] / medians[1]:.2f}  (target at 4×: ≤ 1000 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
