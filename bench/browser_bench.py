"""Browser bench: time to the first verdict on a shared checker link vs a bare Pyodide worker, served
by Debian's nginx with deploy/nginx.conf (pre-compressed files, caching, CSP) — and what each page weighs.

Usage (after `mkdocs build`):
  .venv/bin/python bench/browser_bench.py [--runs 5] [--today DIR] [--before DIR]
DIR: a site built from an earlier commit (e.g. `git archive <commit> | tar -x -C /tmp/old`, then build
it there); it is served like it was before this deployment existed (python http.server, nothing
compressed) and its cold first verdict on the throttled profile is the "today" baseline.
--before DIR: another built site (e.g. main's) served by the same nginx under /before/, measured as
"before" in the same run, interleaved, on both profiles: a change's effect without machine drift.

Every run uses a fresh browser context (cold HTTP cache), then reloads in the same context (warm).
  checker: navigation start -> the animation frame that paints #checker-result[data-verdict], for a link
           carrying every answer
  bare:    navigation start -> a page whose module worker did loadPyodide() and ran `1`, from the STOCK
           files of the pinned npm package (node_modules/pyodide: its own deflated standard library, no
           snapshot), pre-compressed with the site's own settings (compress.py) and served by the same nginx
Both are read from the page's own clock (performance.now()), so the time Playwright takes to notice and
ask is not counted on either side.
Profiles: localhost, and 20 Mbit/s + 40 ms latency (CDP Network.emulateNetworkConditions). The kinds
are interleaved run by run so machine drift hits all alike. Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import sync_playwright

REPO_ROOT = Path(__file__).resolve().parent.parent
SITE = REPO_ROOT / "site"
sys.path.insert(0, str(REPO_ROOT / "tests" / "deploy"))
from nginx_harness import serve  # noqa: E402

from local_browser import launch, serve_plain  # noqa: E402

sys.path.insert(0, str(REPO_ROOT))
from site_build.finish import compress, pyodide_vendor  # noqa: E402

# A shared link a 12333 agent might send: every answer given, so the page shows a verdict at once.
SHARED_ANSWERS = {
    "notice": "2025-bigdata", "path": "normal", "level": "deputy_senior", "employer": "private",
    "archive_location": "chongqing", "workplace_in_chongqing": "true", "insurance_months": "24",
    "district": "万州区", "civil_servant": "false", "retired": "false", "in_penalty_period": "false",
    "residency": "mainland", "today": "2025-09-10",
}
PROFILES = {"localhost": None, "20 Mbit/s + 40 ms": {"latency": 40, "throughput": 20_000_000 / 8}}
PAGE_TYPES = {"home": "", "checker": "checker/", "agent": "agent/", "content": "routes/",
              "notice": "notices/2025-bigdata/"}
TIMEOUT_MS = 120_000
# Notes on the page's clock when the verdict is first in the DOM, at the next animation frame (the one
# that paints it). Runs before any page script; needs nothing from the page but the element's id.
VERDICT_CLOCK = """
new MutationObserver((records, observer) => {
  const result = document.getElementById("checker-result");
  if (!result || !result.dataset.verdict) return;
  observer.disconnect();
  requestAnimationFrame(() => { document.documentElement.dataset.benchVerdict = String(performance.now()); });
}).observe(document, { subtree: true, childList: true, attributes: true });
"""


def stock_pyodide() -> dict[str, bytes]:
    """The npm package's runtime files, with .br/.gz copies made as the site's are (cached by content)."""
    files = {}
    cache = compress.EncodedCache(pyodide_vendor.COMPRESSED_CACHE)  # shares the site's wasm bytes
    pyodide_vendor.COMPRESSED_CACHE.mkdir(parents=True, exist_ok=True)
    for name in pyodide_vendor.PYODIDE_FILES:
        raw = (pyodide_vendor.PYODIDE_SRC / name).read_bytes()
        files[f"__bench/assets/pyodide/0000000000000000/{name}"] = raw
        for suffix in compress.ENCODERS:
            packed = cache.encoded(raw, suffix)
            if len(packed) <= len(raw) * (1 - compress.MIN_SAVING):
                files[f"__bench/assets/pyodide/0000000000000000/{name}{suffix}"] = packed
    return files


def bare_files() -> dict[str, bytes]:
    """A page that only starts a module worker doing loadPyodide() + `1` (external scripts: CSP)."""
    index = "/__bench/assets/pyodide/0000000000000000/"
    return {
        **stock_pyodide(),
        "__bench/bare.html": b'<!doctype html><meta charset="utf-8"><title>bare</title>'
                             b'<script type="module" src="bare.js"></script><body></body>',
        "__bench/bare.js": b'const w = new Worker(new URL("bare-worker.js", import.meta.url), {type: "module"});\n'
                           b'w.onmessage = () => { document.body.dataset.done = String(performance.now()); };\n',
        "__bench/bare-worker.js": (f'import {{ loadPyodide }} from "{index}pyodide.mjs";\n'
                                   f'const pyodide = await loadPyodide({{ indexURL: "{index}" }});\n'
                                   'pyodide.runPython("1");\nself.postMessage("done");\n').encode(),
    }


def _throttle(context, page, profile) -> None:
    if profile is None:
        return
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": profile["latency"],
        "downloadThroughput": profile["throughput"], "uploadThroughput": profile["throughput"]})


def _time(page, url: str, kind: str, reload: bool = False) -> float:
    # A warm visit reloads: going to the same URL again would only be a fragment navigation (the
    # checker's answers are after "#"), with the verdict already on screen.
    if reload:
        page.reload(wait_until="commit")
    else:
        page.goto(url, wait_until="commit")
    if kind == "checker":
        page.wait_for_selector("html[data-bench-verdict]", state="attached", timeout=TIMEOUT_MS)
        return float(page.get_attribute("html", "data-bench-verdict"))
    page.wait_for_selector("body[data-done]", state="attached", timeout=TIMEOUT_MS)
    return float(page.get_attribute("body", "data-done"))


def cold_and_warm(browser, url: str, kind: str, profile) -> tuple[float, float]:
    context = browser.new_context()
    context.add_init_script(VERDICT_CLOCK)
    page = context.new_page()
    _throttle(context, page, profile)
    cold = _time(page, url, kind)
    page.wait_for_timeout(500)  # let the cache writes settle, as a visitor reading the page would
    warm = _time(page, url, kind, reload=True)
    context.close()
    return cold, warm


def page_bytes(browser, base: str) -> list[tuple[str, int, int, int]]:
    """(page type, raw, gzip, brotli) bytes of every file the page and its worker fetch, from site/."""
    rows = []
    for name, path in PAGE_TYPES.items():
        context = browser.new_context()
        page = context.new_page()
        urls = []
        page.on("request", lambda request: urls.append(request.url))
        page.goto(base + path + ("#" + urlencode(SHARED_ANSWERS) if name == "checker" else ""))
        if name == "checker":
            page.wait_for_selector("#checker-result[data-verdict]", timeout=TIMEOUT_MS)
        else:
            page.wait_for_load_state("networkidle")
        context.close()
        raw = gz = br = 0
        for url in set(urls):
            rel = url[len(base):].split("?")[0].split("#")[0]
            file = SITE / rel / "index.html" if rel.endswith("/") or not rel else SITE / rel
            if not file.is_file():
                continue
            size = file.stat().st_size
            raw += size
            gz += (file.with_name(file.name + ".gz")).stat().st_size if file.with_name(file.name + ".gz").is_file() else size
            br += (file.with_name(file.name + ".br")).stat().st_size if file.with_name(file.name + ".br").is_file() else size
        rows.append((name, raw, gz, br))
    return rows


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", type=Path, help="a site built from the commit to compare with")
    parser.add_argument("--before", type=Path, help="another built site, served the same way")
    args = parser.parse_args()
    pyodide = sorted((SITE / "assets" / "pyodide").glob("*/pyodide.mjs"))
    if not pyodide or not (SITE / "checker" / "index.html").is_file():
        print("site/ 未构建：先运行 NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build", file=sys.stderr)
        return 1
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="yzt-bench-"))
        served = stack.enter_context(serve(SITE, Path(tmp), bare_files()))
        base = served["subpath"]
        if args.before:     # the workers run as www-data: the other site must be readable by them
            (served["www"] / "before").symlink_to(args.before.resolve(), target_is_directory=True)
        # base: http://127.0.0.1:P/yzt/ ; the bare page is at /__bench/
        targets = {"checker": base + "checker/#" + urlencode(SHARED_ANSWERS),
                   "bare": base.replace("/yzt/", "/__bench/bare.html")}
        if args.before:
            targets["before"] = base.replace("/yzt/", "/before/") + "checker/#" + urlencode(SHARED_ANSWERS)
        if args.today:
            targets["today"] = stack.enter_context(serve_plain(args.today)) + "checker/?" + urlencode(SHARED_ANSWERS)
        with sync_playwright() as p:
            browser = launch(p)
            for profile_name, profile in PROFILES.items():
                for _ in range(args.runs):
                    for kind, url in targets.items():
                        if kind == "today" and profile is None:
                            continue
                        timing = cold_and_warm(browser, url, "bare" if kind == "bare" else "checker", profile)
                        results.setdefault((profile_name, kind), []).append(timing)
            sizes = page_bytes(browser, base)
            browser.close()
    print(f"runs: {args.runs} per kind and profile (fresh context = cold, then a reload = warm), "
          "chromium headless, nginx + deploy/nginx.conf")
    for (profile_name, kind), timings in results.items():
        cold, warm = [c for c, _ in timings], [w for _, w in timings]
        print(f"[{profile_name}] {kind:8s} cold median {median(cold):6.0f} ms  warm median {median(warm):6.0f} ms"
              f"  (cold: {', '.join(f'{c:.0f}' for c in cold)})")
    for profile_name in PROFILES:
        checker = results[(profile_name, "checker")]
        bare = results[(profile_name, "bare")]
        print(f"[{profile_name}] cold first verdict / bare worker boot: "
              f"{median([c for c, _ in checker]) / median([c for c, _ in bare]):.2f}   "
              f"warm: {median([w for _, w in checker]) / median([w for _, w in bare]):.2f}")
        if (profile_name, "today") in results:
            before = median([c for c, _ in results[(profile_name, "today")]])
            print(f"[{profile_name}] cold first verdict / today's build (served uncompressed): "
                  f"{median([c for c, _ in checker]) / before:.2f}")
        if (profile_name, "before") in results:
            before = results[(profile_name, "before")]
            print(f"[{profile_name}] this build / --before: cold "
                  f"{median([c for c, _ in checker]) / median([c for c, _ in before]):.2f}   warm "
                  f"{median([w for _, w in checker]) / median([w for _, w in before]):.2f}")
    print("bytes per page type (the page and everything it and its worker fetch):")
    print(f"  {'page':8s} {'raw':>11s} {'gzip':>11s} {'brotli':>11s}")
    for name, raw, gz, br in sizes:
        print(f"  {name:8s} {raw:11,d} {gz:11,d} {br:11,d}   (brotli {br / raw:.0%} of raw)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
