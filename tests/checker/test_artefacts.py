"""Every golden case's readable text equals its committed artefact (policy_data/notices/<id>/artefacts/)."""

from __future__ import annotations

import pytest

from artefacts import artefact_folders, expected_artefacts, rendered
from golden import load_cases

CASES = load_cases()
EXPECTED = expected_artefacts()


def test_one_artefact_per_case_and_no_stale_files():
    assert len(EXPECTED) == len(CASES), "two case names map to one artefact file name"
    found = {path for folder in artefact_folders() for path in folder.glob("*.txt")}
    assert found == set(EXPECTED), "run: .venv/bin/python -m tests.checker.artefacts"


@pytest.mark.parametrize("path", list(EXPECTED), ids=[case["name"] for case in EXPECTED.values()])
def test_rendered_text_matches_the_committed_artefact(path):
    case = EXPECTED[path]
    assert path.is_file(), f"missing {path.name}: run .venv/bin/python -m tests.checker.artefacts"
    assert rendered(case) == path.read_text(encoding="utf-8"), (
        f"{path.name} differs from what users now read: review the diff, then run "
        ".venv/bin/python -m tests.checker.artefacts")
