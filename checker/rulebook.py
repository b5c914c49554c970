"""Loads the compiled rules (checker/data/rules.json) once, from package data.

importlib.resources finds the file both in a source checkout and inside the
wheel Pyodide installs, so the same code runs in the terminal and the browser.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


class Rulebook:
    """The rules file with the look-ups the checker needs."""

    def __init__(self, data: dict):
        self.data = data
        self.notices: dict = data["notices"]
        self.notice_order: list[str] = data["notice_order"]
        self.questions: list[dict] = data["questions"]
        self.question: dict[str, dict] = {q["key"]: q for q in self.questions}
        self.question_order: dict[str, int] = {q["key"]: i for i, q in enumerate(self.questions)}
        self.offices: dict[str, dict] = {o["name"]: o for o in data["offices"]}
        self.references: dict[str, dict] = data["references"]
        self.offices_source: dict | None = data.get("offices_source")


@lru_cache(maxsize=1)
def rulebook() -> Rulebook:
    text = resources.files("checker").joinpath("data", "rules.json").read_text(encoding="utf-8")
    return Rulebook(json.loads(text))
