"""The public contract: check(answers) -> result dict, check_json(text) -> canonical JSON.

Never raises: invalid answers come back as `errors` (Chinese, naming the field),
and an unexpected failure is turned into an error entry instead of a traceback.
"""

from __future__ import annotations

import json
from collections import Counter

from . import answers as answer_validation
from . import vocabulary as words
from .display import INTERNAL_FIELD, display
from .rulebook import rulebook
from .verdict import assemble

RESULT_KEYS = ("verdict", "verdict_label", "reasons", "deferred_to", "path", "route", "fee_yuan", "fee",
               "timeline", "evidence", "allowances", "notes", "needs", "needs_detail", "ignored", "errors",
               "notice", "today", "cutoff", "display")
INTERNAL_ERROR = words.INTERNAL_ERROR


def error_result(errors: list[dict]) -> dict:
    result = {key: None for key in RESULT_KEYS}
    for key in ("reasons", "deferred_to", "timeline", "evidence", "allowances", "notes", "needs",
                "needs_detail", "ignored"):
        result[key] = []
    result["errors"] = errors
    result["display"] = display(result)
    return result


def check(answers) -> dict:
    try:
        book = rulebook()
        clean, errors = answer_validation.validate(answers, book)
        if errors:
            return error_result(errors)
        result = assemble(book, clean)
        result["display"] = display(result)      # what every screen renders (checker/display.py)
        return result
    except Exception as exc:            # the visitor gets a message, never a traceback
        return internal_error(exc)


def internal_error(exc: Exception) -> dict:
    if isinstance(exc, OSError) and exc.filename:    # one of the checker's own files, e.g. rules.json
        kind = type(exc).__name__
        message = words.INTERNAL_FILE_ERROR.format(
            file=answer_validation.excerpt_path(exc.filename), reason=words.FILE_ERROR_REASONS.get(kind, kind))
    else:
        message = f"{INTERNAL_ERROR}（{type(exc).__name__}）"
    return error_result([{"field": INTERNAL_FIELD, "message": message}])


def check_json(text) -> str:
    """`text` (str, or bytes in UTF-8) holding one JSON object of answers -> the canonical result."""
    try:
        result = check(parse_answers(text))
    except AnswersNotReadable as problem:
        result = error_result([{"field": "answers", "message": str(problem)}])
    except Exception as exc:
        result = internal_error(exc)
    return canonical(result)


class AnswersNotReadable(ValueError):
    """The input is not one readable JSON text; the message says why, in Chinese."""


def _unique_keys(pairs: list) -> dict:
    keys = [key for key, _ in pairs]
    counts = Counter(keys)
    if len(counts) != len(keys):
        repeated = next(key for key in keys if counts[key] > 1)
        raise AnswersNotReadable(f"回答中的项目「{answer_validation.excerpt(repeated)}」出现了不止一次，请只保留一个。")
    return dict(pairs)


def parse_answers(text):
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise AnswersNotReadable(f"回答不是 UTF-8 编码的文本（字节偏移{exc.start}处），请以 UTF-8 保存后重试。") from None
    if not isinstance(text, str):
        raise AnswersNotReadable("回答应为 JSON 文本。")
    try:
        return json.loads(text, parse_int=answer_validation.int_or_oversize, object_pairs_hook=_unique_keys)
    except AnswersNotReadable:
        raise
    except RecursionError:
        raise AnswersNotReadable("回答的 JSON 嵌套过深。") from None
    except ValueError as exc:
        line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        where = f"（第{line}行第{col}列）" if line else ""
        raise AnswersNotReadable(f"回答不是有效的 JSON{where}。") from None


def canonical(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, sort_keys=True, indent=2)
