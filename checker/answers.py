"""Validates a visitor's answers against the question contract (questions in rules.json).

Returns the answers normalised (None and empty text mean "not answered") and a
list of {field, message} errors. Messages are plain Chinese naming the question by
its label (never its contract key) and echo at most a short, escaped excerpt of a
value, so no input can make an error message long, multi-line or unprintable.
`problem_message` is also what the checker page shows inline, before anything is checked.
"""

from __future__ import annotations

import math
import unicodedata

from .dates import parse_date

EXCERPT_CHARS = 20       # longest excerpt of a visitor's value a message repeats
MAX_UNKNOWN_LISTED = 20  # unknown keys are reported once, naming at most this many
DEFAULT_TEXT_LIMIT = 100
OVERSIZE_DIGITS = 40     # Python refuses int() of > 4300 digits; no answer needs more than a few


class OversizeInt(int):
    """A JSON integer with more digits than any answer needs; compares as a huge number (so
    range checks refuse it with the normal message) and shows as an excerpt of its digits."""

    def __new__(cls, digits: str):
        sign = -1 if digits.startswith("-") else 1
        value = super().__new__(cls, sign * 10 ** OVERSIZE_DIGITS)
        value.digits = digits
        return value


def int_or_oversize(digits: str) -> int:
    """A JSON integer's digits as an int, or an OversizeInt past OVERSIZE_DIGITS characters."""
    return int(digits) if len(digits) <= OVERSIZE_DIGITS else OversizeInt(digits)


def excerpt(value) -> str:
    """A short, printable excerpt: control characters, lone surrogates and other unprintables
    appear as \\x.. / \\u.... escapes; at most EXCERPT_CHARS characters."""
    if isinstance(value, OversizeInt):
        text = value.digits
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (int, float)):
        text = str(value) if not isinstance(value, int) or value.bit_length() < 200 else "（很长的数字）"
    elif isinstance(value, str):
        text = value
    elif isinstance(value, list):
        return "（列表）"
    elif isinstance(value, dict):
        return "（对象）"
    else:
        return "（无法显示的值）"
    shown = "".join(ch if ch.isprintable() else ch.encode(
        "unicode_escape", "backslashreplace").decode("ascii") for ch in text[:EXCERPT_CHARS])
    return shown + ("…" if len(text) > EXCERPT_CHARS else "")


def excerpt_path(path) -> str:
    """A file path as a message may show it: whole (it is what must be fixed), unprintables escaped."""
    text = str(path)
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape", "backslashreplace").decode("ascii")
                   for ch in text)


def _error(field: str, message: str) -> dict:
    return {"field": field, "message": message}


def problem_message(question: dict, problem: str = "value") -> str:
    """The plain message for a wrong answer to `question` (problem: value | length | characters)."""
    label, kind = f"「{question['label']}」", question["type"]
    if problem == "length":
        return f"{label}不能超过{question.get('max_length', DEFAULT_TEXT_LIMIT)}个字。"
    if problem == "characters":
        return f"{label}含有无法识别的字符，请重新输入。"
    if kind == "enum":
        return f"请在{label}的选项中选择一项。"
    if kind == "bool":
        return f"请为{label}选择“是”或“否”。"
    if kind in ("int", "number"):
        what = "整数" if kind == "int" else "数字"
        low, high, unit = question.get("min"), question.get("max"), question.get("unit", "")
        span = f"{low}到{high}之间的" if low is not None and high is not None else ""
        return f"{label}请填写{span}{what}{f'（单位：{unit}）' if unit else ''}，只填数字，如 24。"
    if kind == "date":
        return f"{label}请填写有效日期，如 2020-09-30。"
    return f"{label}请填写文字。"


def validate(answers, book) -> tuple[dict, list[dict]]:
    if not isinstance(answers, dict):
        return {}, [_error("answers", "回答应为一个 JSON 对象（键值对），例如 {\"项目\": \"回答\"} 的形式。")]
    clean, errors, unknown = {}, [], []
    for key, value in answers.items():
        question = book.question.get(key) if isinstance(key, str) else None
        if question is None:
            unknown.append(key)
            continue
        if value is None:
            continue
        checked, problem = _check_value(question, value)
        if problem:
            received = "" if problem == "characters" else f"（收到“{excerpt(value)}”）"
            errors.append(_error(key, problem_message(question, problem) + received))
        elif checked is not None:
            clean[key] = checked
    if unknown:
        listed = "、".join(f"「{excerpt(key)}」" for key in unknown[:MAX_UNKNOWN_LISTED])
        more = f"等{len(unknown)}项" if len(unknown) > MAX_UNKNOWN_LISTED else ""
        errors.append(_error("answers", f"回答中有本检查不认识的项目：{listed}{more}，请删去。"))
    if "notice" not in clean and not any(e["field"] == "notice" for e in errors):
        notice = book.question["notice"]
        options = "或".join(f"“{o['label']}”" for o in notice["options"])
        errors.append(_error("notice", f"请先选择「{notice['label']}」：{options}。"))
    return clean, errors


def _check_value(question: dict, value):
    """(normalised value or None for "not answered", problem kind or None)."""
    kind = question["type"]
    if kind == "enum":
        ok = isinstance(value, str) and value in {o["value"] for o in question["options"]}
        return (value, None) if ok else (None, "value")
    if kind == "bool":
        return (value, None) if isinstance(value, bool) else (None, "value")
    if kind in ("int", "number"):
        if isinstance(value, bool) or not isinstance(value, int if kind == "int" else (int, float)):
            return None, "value"
        if isinstance(value, float) and not math.isfinite(value):
            return None, "value"
        low, high = question.get("min"), question.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            return None, "value"
        return value, None
    if kind == "date":
        return (value, None) if parse_date(value) is not None else (None, "value")
    if kind == "text":
        if not isinstance(value, str):
            return None, "value"
        limit = question.get("max_length", DEFAULT_TEXT_LIMIT)
        if len(value) > 10 * limit:         # far too long whatever normalising removes: not worth reading
            return None, "length"
        text = normalise_text(value).strip()
        if not _writable(text):
            return None, "characters"
        if len(text) > limit:
            return None, "length"
        return (text or None), None
    return None, "value"


_WIDTH_FORMS = ("<wide>", "<narrow>", "<noBreak>")
# Where the characters normalise_text changes live (checked against all of Unicode by
# tests/checker/test_text_normalisation.py): scanning only these keeps import time small in Pyodide.
_CHANGED_RANGES = ((0x00A0, 0x00AE), (0x0F0C, 0x0F0D), (0x1680, 0x1681), (0x2000, 0x2070), (0x20A9, 0x20AA),
                   (0x3000, 0x3001), (0xFEFF, 0xFF00), (0xFF00, 0xFFF0))


def _plain(ch: str) -> str:
    if ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad":    # zero-width marks, BOM, soft hyphen
        return ""
    if ch in "\t\n\r\u2028\u2029" or unicodedata.category(ch) == "Zs":
        return " "
    if unicodedata.decomposition(ch).startswith(_WIDTH_FORMS):
        return unicodedata.normalize("NFKC", ch)
    return ch


_PLAIN = {ord(ch): _plain(ch) for ch in "\t\n\r" + "".join(chr(c) for low, high in _CHANGED_RANGES
                                                           for c in range(low, high)) if _plain(ch) != ch}


def normalise_text(text: str) -> str:
    """Free text as people type or paste it (issue 21 finding 5): full-width and half-width forms and
    no-break variants to their plain form (the part of NFKC that keeps meaning: ① or ² stay as typed);
    every kind of space (U+3000, NBSP, U+2002…), tab and line break to a space; zero-width characters,
    BOM and soft hyphens removed; then canonical composition (NFC). A lone surrogate passes through
    unchanged, for the printable check to refuse."""
    if text.isascii() and text.isprintable():
        return text
    return unicodedata.normalize("NFC", text.translate(_PLAIN))


def _writable(text: str) -> bool:
    """False for a lone surrogate or a control character: it could not be printed or stored as UTF-8
    (str.isprintable() is false for both: surrogates are category Cs)."""
    return text.isprintable()
