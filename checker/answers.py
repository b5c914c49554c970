"""Validates a visitor's answers against the question contract (questions in rules.json).

Returns the answers normalised (None and empty text mean "not answered") and a
list of {field, message} errors, each message in Chinese naming the field.
"""

from __future__ import annotations

import math

from .dates import parse_date

_MAX_SHOWN = 40


def _shown(value) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= _MAX_SHOWN else text[:_MAX_SHOWN] + "…"


def _name(question: dict) -> str:
    return f"「{question['key']}」（{question['label']}）"


def _error(field: str, message: str) -> dict:
    return {"field": field, "message": message}


def validate(answers, book) -> tuple[dict, list[dict]]:
    if not isinstance(answers, dict):
        return {}, [_error("answers", "回答应为一个 JSON 对象（键值对），例如 {\"notice\": \"2025-bigdata\"}。")]
    clean, errors = {}, []
    for key, value in answers.items():
        question = book.question.get(key) if isinstance(key, str) else None
        if question is None:
            known = "、".join(book.question)
            errors.append(_error(str(key), f"不认识的问题「{_shown(key)}」：可用的键为 {known}。"))
            continue
        if value is None:
            continue
        checked, problem = _check_value(question, value)
        if problem:
            errors.append(_error(key, f"{_name(question)}{problem}"))
        elif checked is not None:
            clean[key] = checked
    if "notice" not in clean and not any(e["field"] == "notice" for e in errors):
        options = "、".join(f"{o['value']}（{o['label']}）" for o in book.question["notice"]["options"])
        errors.append(_error("notice", f"缺少{_name(book.question['notice'])}：请选择 {options}。"))
    return clean, errors


def _check_value(question: dict, value):
    """(normalised value or None for "not answered", Chinese problem or None)."""
    kind = question["type"]
    if kind == "enum":
        values = [o["value"] for o in question["options"]]
        if isinstance(value, str) and value in values:
            return value, None
        if len(values) > 12:
            return None, f"的取值“{_shown(value)}”无效，请从列表中选择（如 {values[0]}）。"
        choices = "、".join(f"{o['value']}（{o['label']}）" for o in question["options"])
        return None, f"的取值“{_shown(value)}”无效，可选：{choices}。"
    if kind == "bool":
        if isinstance(value, bool):
            return value, None
        return None, f"应为 true 或 false，收到“{_shown(value)}”。"
    if kind in ("int", "number"):
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if kind == "int" and not (isinstance(value, int) and not isinstance(value, bool)):
            return None, f"应为整数{_range(question)}，收到“{_shown(value)}”。"
        if not is_number or not math.isfinite(value):
            return None, f"应为数字{_range(question)}，收到“{_shown(value)}”。"
        low, high = question.get("min"), question.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            return None, f"应在{_range(question, bare=True)}之间，收到“{_shown(value)}”。"
        return value, None
    if kind == "date":
        if parse_date(value) is None:
            return None, f"应为有效日期（格式 YYYY-MM-DD，如 2020-09-30），收到“{_shown(value)}”。"
        return value, None
    if kind == "text":
        if not isinstance(value, str):
            return None, f"应为文字，收到“{_shown(value)}”。"
        text = value.strip()
        limit = question.get("max_length", 100)
        if len(text) > limit:
            return None, f"不能超过{limit}个字。"
        return (text or None), None
    return None, "的题型未知。"


def _range(question: dict, bare: bool = False) -> str:
    low, high, unit = question.get("min"), question.get("max"), question.get("unit", "")
    if low is None or high is None:
        return ""
    span = f"{low}到{high}{unit}"
    return span if bare else f"（{span}）"
