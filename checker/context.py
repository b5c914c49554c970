"""What every rule module shares while one set of answers is checked."""

from __future__ import annotations

import datetime as dt

from .conditions import eval_when, explain
from .rulebook import Rulebook


def cite_in(notice: dict, notice_id: str, clause: str) -> dict:
    """{clause, clause_label, url} for a clause of a rules.json notice."""
    info = notice["clauses"].get(clause, {})
    return {"clause": clause, "clause_label": info.get("label", clause),
            "url": info.get("url", f"notices/{notice_id}/#{clause}")}


class Context:
    def __init__(self, book: Rulebook, notice_id: str, answers: dict, at: dt.datetime):
        self.book = book
        self.notice_id = notice_id
        self.notice = book.notices[notice_id]
        self.rules = self.notice["rules"]
        self.answers = answers
        self.at = at     # the instant the timeline statuses are for
        self.labels = {q["key"]: q["label"] for q in book.questions}
        self.needs: dict[str, set[str]] = {}           # answer key -> purposes ("verdict", "route", "fee")
        self.applied_deferral_clauses: set[str] = set()
        self.open_exclusions: set[str] = set()          # answer keys an exclusion still waits for

    def when(self, condition: dict | None):
        return eval_when(condition, self.answers)

    def holding(self, section: str) -> list[dict]:
        """The entries of a rules section whose `when` certainly holds (unknown answers: not)."""
        return [entry for entry in self.rules.get(section, []) if self.when(entry["when"])[0]]

    def explain(self, condition: dict | None) -> list[str]:
        return explain(condition, self.answers, self.labels)

    def need(self, keys, purpose: str = "verdict") -> None:
        for key in keys:
            self.needs.setdefault(key, set()).add(purpose)

    def cite(self, clause: str) -> dict:
        """{clause, clause_label, url} for a clause of this notice."""
        return cite_in(self.notice, self.notice_id, clause)

    def reason(self, text: str, clause: str, kind: str, details: list[str] | None = None) -> dict:
        if details:
            end = "。" if text.endswith("。") else ""
            text = f"{text.removesuffix('。')}（{'；'.join(details)}）{end}"
        return {"text": text, "kind": kind, **self.cite(clause)}
