"""Shared fixtures: the repository root, the validated policy data, one headless Chromium.

A test that takes a `notice_id` argument runs once per notice folder (policy_data/notices/<id>/):
no test lists the notices by hand, so a new notice's folder is tested without editing a test.
"""

import re
import shutil
from pathlib import Path

import pytest

from notice_folders import notice_folders

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def policy():
    """policy_data/ loaded once per session (schema + integrity validated)."""
    from policy_build.loader import load_policy
    return load_policy()


def pytest_generate_tests(metafunc):
    explicit = any("notice_id" in str(mark.args[0]) for mark in metafunc.definition.iter_markers("parametrize"))
    if "notice_id" in metafunc.fixturenames and not explicit:    # a test naming its own notices keeps them
        metafunc.parametrize("notice_id", notice_folders())


# One Playwright per test session: two sync_playwright() instances cannot run side by side, and both
# tests/browser/ and tests/deploy/ drive Debian's chromium (never `playwright install`).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium")
    if not executable:
        pytest.fail("Debian's chromium is not installed: run `scripts/setup --with-browser`")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def quote(policy):
    """quote(notice_id, sentence) -> sentence, after asserting the notice prints it (white space aside):
    a test quotes the sentence its reading rests on."""
    def _quote(notice_id: str, sentence: str) -> str:
        source = re.sub(r"\s+", "", policy.notices[notice_id].source_text)
        assert re.sub(r"\s+", "", sentence) in source, f"{notice_id} does not print: {sentence}"
        return sentence
    return _quote
