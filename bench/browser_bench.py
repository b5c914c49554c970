"""Browser bench: time to the first verdict on a shared checker URL vs. a bare Pyodide page.

Usage (after `mkdocs build`):  .venv/bin/python bench/browser_bench.py [--runs 5]

Each run uses a fresh browser context (cold HTTP cache) against a local server of site/.
  checker: navigation start -> #checker-result[data-verdict] set, for a URL carrying answers
  bare:    navigation start -> a page that only does loadPyodide() and runs `1` has finished
Prints the medians and checker/bare: the overhead of the form, the worker and the checker wheel.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import statistics
import sys
import threading
from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import sync_playwright

REPO_ROOT = Path(__file__).resolve().parent.parent
SITE = REPO_ROOT / "site"
BARE_PATH = "/__bench/bare.html"
BARE_PAGE = b"""<!doctype html><meta charset="utf-8"><title>bare pyodide</title>
<script type="module">
import { loadPyodide } from "/assets/pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: "/assets/pyodide/" });
pyodide.runPython("1");
document.body.dataset.done = String(performance.now());
</script><body></body>"""
# A shared link a 12333 agent might send: every answer given, so the page shows a verdict at once.
SHARED_ANSWERS = {
    "notice": "2025-bigdata",
    "path": "normal",
    "level": "deputy_senior",
    "employer": "private",
    "archive_location": "chongqing",
    "workplace_in_chongqing": "true",
    "insurance_months": "24",
    "district": "万州区",
    "civil_servant": "false",
    "retired": "false",
    "in_penalty_period": "false",
    "residency": "mainland",
    "today": "2025-09-10",
}
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server naming)
        if self.path == BARE_PATH:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(BARE_PAGE)))
            self.end_headers()
            self.wfile.write(BARE_PAGE)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


def serve() -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def time_checker(browser, base: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/checker/#{urlencode(SHARED_ANSWERS)}", wait_until="commit")
    page.wait_for_selector("#checker-result[data-verdict]", timeout=60000)
    ms = page.evaluate("performance.now()")
    context.close()
    return ms


def time_bare(browser, base: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + BARE_PATH, wait_until="commit")
    page.wait_for_selector("body[data-done]", state="attached", timeout=60000)
    ms = float(page.get_attribute("body", "data-done"))
    context.close()
    return ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (SITE / "assets" / "pyodide" / "pyodide.mjs").is_file() or not (SITE / "checker" / "index.html").is_file():
        print("site/ 未构建：先运行 NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build", file=sys.stderr)
        return 1
    server, base = serve()
    checker_ms, bare_ms = [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=LAUNCH_ARGS)
            for _ in range(args.runs):  # interleaved so drift hits both alike
                checker_ms.append(time_checker(browser, base))
                bare_ms.append(time_bare(browser, base))
            browser.close()
    finally:
        server.shutdown()
    checker_median, bare_median = statistics.median(checker_ms), statistics.median(bare_ms)
    print(f"runs: {args.runs} (cold cache each, chromium headless, local server)")
    print(f"shared URL -> first verdict: median {checker_median:.0f} ms  (all: {', '.join(f'{m:.0f}' for m in checker_ms)})")
    print(f"bare loadPyodide() + `1`:    median {bare_median:.0f} ms  (all: {', '.join(f'{m:.0f}' for m in bare_ms)})")
    print(f"ratio checker/bare: {checker_median / bare_median:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
