"""Every golden case's readable text equals its committed artefact (tests/checker/artefacts/)."""

from __future__ import annotations

import pytest

from artefacts import ARTEFACTS, artefact_path, rendered
from golden import load_cases

CASES = load_cases()


def test_one_artefact_per_case_and_no_stale_files():
    expected = {artefact_path(c) for c in CASES}
    assert len(expected) == len(CASES), "two case names map to one artefact file name"
    assert set(ARTEFACTS.glob("*.txt")) == expected, "run: .venv/bin/python -m tests.checker.artefacts"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_rendered_text_matches_the_committed_artefact(case):
    path = artefact_path(case)
    assert path.is_file(), f"missing {path.name}: run .venv/bin/python -m tests.checker.artefacts"
    assert rendered(case) == path.read_text(encoding="utf-8"), (
        f"{path.name} differs from what users now read: review the diff, then run "
        ".venv/bin/python -m tests.checker.artefacts")
