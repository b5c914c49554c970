"""Build the site once per session into a temporary folder.

`built_site` is a `built_pages.BuiltSite`: `.root` (the folder), `.log` (everything mkdocs
printed), `.html(page_url)` (the HTML of e.g. "offices/") and `.page(page_url)` (parsed).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from built_pages import BuiltSite, visible

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    # A site the caller has just built from this checkout, and what that build printed (the new-notice
    # test runs these tests in its copy after building it): not built twice.
    if os.environ.get("YZT_BUILT_SITE"):
        return BuiltSite(Path(os.environ["YZT_BUILT_SITE"]),
                         Path(os.environ["YZT_BUILT_SITE_LOG"]).read_text(encoding="utf-8"))
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--site-dir", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    log = run.stdout + run.stderr
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    return BuiltSite(out, log)


@pytest.fixture(scope="module")
def quote(policy):
    """As tests/conftest.py's, compared as the built pages show text (built_pages.visible)."""
    def _quote(notice_id: str, sentence: str) -> str:
        assert visible(sentence) in visible(policy.notices[notice_id].source_text), sentence
        return sentence
    return _quote
