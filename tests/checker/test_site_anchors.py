"""Every clause link the checker gives (reasons and everything else it cites)
resolves to an existing anchor on the built site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker import check
from golden import load_cases

REPO = Path(__file__).resolve().parents[2]
ID_ATTR = re.compile(r'\sid="([^"]+)"')


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The built site: site/ when it has been built, else a fresh build in a temp folder."""
    existing = REPO / "site"
    if (existing / "notices" / "2025-bigdata" / "index.html").is_file():
        return existing
    out = tmp_path_factory.mktemp("site")
    run = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-q", "--site-dir", str(out)],
                         cwd=REPO, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return out


def _anchors(site: Path, page: str, cache: dict) -> set[str]:
    if page not in cache:
        path = site / page / "index.html"
        cache[page] = set(ID_ATTR.findall(path.read_text(encoding="utf-8"))) if path.is_file() else set()
    return cache[page]


def _urls(result: dict) -> list[str]:
    urls = [r["url"] for r in result["reasons"]]
    urls += [d["clause_url"] for d in result["deferred_to"]]
    urls += [a["url"] for a in result["allowances"]] + [n["url"] for n in result["notes"]]
    urls += [e["url"] for e in result["timeline"]] + [e["url"] for e in result["evidence"]]
    if result["route"]:
        urls += [result["route"]["url"]] + [s["url"] for s in result["route"]["steps"]]
        urls += [c["url"] for c in result["route"]["conditions"]]
        urls += [s["office"]["url"] for s in result["route"]["steps"] if s.get("office")]
    if result["path"]:
        urls += [result["path"]["url"]] + [c["url"] for c in result["path"]["checks"]]
    return urls


def test_every_cited_url_is_an_anchor_on_the_site(site_dir):
    cache: dict = {}
    checked, broken = 0, set()
    for case in load_cases():
        result = check(case["answers"])
        for url in _urls(result):
            page, _, anchor = url.partition("#")
            checked += 1
            if anchor not in _anchors(site_dir, page.rstrip("/"), cache):
                broken.add(url)
    assert checked > 500
    assert not broken, f"links without an anchor on the built site: {sorted(broken)}"


def test_reason_urls_are_clause_anchors_of_the_notice_page(site_dir):
    for case in load_cases():
        result = check(case["answers"])
        for reason in result["reasons"]:
            assert reason["url"] == f"notices/{result['notice']['id']}/#{reason['clause']}"
