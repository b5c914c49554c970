"""The readable text of every golden case, committed under tests/checker/artefacts/<case>.txt.

A policy or wording change shows up as a text diff a reviewer can read (test_artefacts.py fails
until the files are regenerated). Regenerate them all with one command:

    .venv/bin/python -m tests.checker.artefacts
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTEFACTS = HERE / "artefacts"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from checker import check  # noqa: E402
from checker.text import render  # noqa: E402
from golden import load_cases  # noqa: E402

_UNSAFE = re.compile(r'[\s/\\:*?"<>|：（）()]+')


def artefact_path(case: dict) -> Path:
    """A file name from the case name (unique, as the golden table requires)."""
    return ARTEFACTS / (_UNSAFE.sub("_", case["name"]).strip("_") + ".txt")


def rendered(case: dict) -> str:
    return render(check(case["answers"]))


def main() -> int:
    ARTEFACTS.mkdir(exist_ok=True)
    wanted = {artefact_path(case): rendered(case) for case in load_cases()}
    for stale in set(ARTEFACTS.glob("*.txt")) - set(wanted):
        stale.unlink()
    for path, text in wanted.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(wanted)} artefacts to {ARTEFACTS.relative_to(HERE.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
