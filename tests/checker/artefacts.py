"""The readable text of every golden case, committed beside it: policy_data/notices/<id>/artefacts/<case>.txt.

A policy or wording change shows up as a text diff a reviewer can read (test_artefacts.py fails
until the files are regenerated). Regenerate them all with one command:

    .venv/bin/python -m tests.checker.artefacts
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parents[1]))

from checker import check  # noqa: E402
from checker.text import render  # noqa: E402
from notice_folders import ARTEFACTS_DIR, golden_cases_by_folder  # noqa: E402

_UNSAFE = re.compile(r'[\s/\\:*?"<>|：（）()]+')


def artefact_path(case: dict, folder: Path) -> Path:
    """In the case's notice folder, a file name from the case name (unique, as the golden table requires)."""
    return folder / ARTEFACTS_DIR / (_UNSAFE.sub("_", case["name"]).strip("_") + ".txt")


def expected_artefacts() -> dict[Path, dict]:
    """{artefact path: its case} for every golden case of every notice folder."""
    return {artefact_path(case, folder): case for folder, cases in golden_cases_by_folder().items() for case in cases}


def artefact_folders() -> list[Path]:
    return [folder / ARTEFACTS_DIR for folder in golden_cases_by_folder()]


def rendered(case: dict) -> str:
    return render(check(case["answers"]))


def main() -> int:
    wanted = {path: rendered(case) for path, case in expected_artefacts().items()}
    for folder in artefact_folders():
        folder.mkdir(exist_ok=True)
        for stale in set(folder.glob("*.txt")) - set(wanted):
            stale.unlink()
    for path, text in wanted.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(wanted)} artefacts to policy_data/notices/<id>/{ARTEFACTS_DIR}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
