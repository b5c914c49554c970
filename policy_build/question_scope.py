"""Which notices ask a question: derived from their rules, so a new notice needs no questions.yaml edit.

questions.yaml writes `show_when: {notice: using_this_question, …}` for a question only some notices
need (援派年限, 技能等级 …). Compiled, the placeholder becomes the notices whose rules.yaml use the
question's key in a condition (one id, or a list = any of them), which is what the form and the
checker evaluate. A question no notice's rules use would never be shown: validation rejects it.
"""
from __future__ import annotations

from .tree import walk

USING_THIS_QUESTION = "using_this_question"


def notices_using(policy, key: str) -> list[str]:
    """Notice ids (in policy order) whose rules.yaml conditions mention answer `key`."""
    return [n.id for n in policy.notices.values() if any(found == key for _, found, _ in walk(n.rules))]


def compiled_show_when(policy, question: dict) -> dict:
    show_when = question.get("show_when") or {}
    if show_when.get("notice") != USING_THIS_QUESTION:
        return show_when
    users = notices_using(policy, question["key"])
    return dict(show_when, notice=users[0] if len(users) == 1 else users)
