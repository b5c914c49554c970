"""The public contract: check(answers) -> result dict, check_json(text) -> canonical JSON.

Never raises: invalid answers come back as `errors` (Chinese, naming the field),
and an unexpected failure is turned into an error entry instead of a traceback.
"""

from __future__ import annotations

import json

from . import answers as answer_validation
from .display import display
from .rulebook import rulebook
from .verdict import assemble

RESULT_KEYS = ("verdict", "verdict_label", "reasons", "deferred_to", "path", "route", "fee_yuan", "fee",
               "timeline", "evidence", "allowances", "notes", "needs", "needs_detail", "ignored", "errors",
               "notice", "today", "cutoff", "display")
INTERNAL_ERROR = "检查器内部出错，未能给出结果。请核对您的回答后重试；如仍出错，请按通知所列咨询电话咨询。"


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
        return error_result([{"field": "(checker)", "message": f"{INTERNAL_ERROR}（{type(exc).__name__}）"}])


def check_json(text) -> str:
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if not isinstance(text, str):
            result = error_result([{"field": "answers", "message": "回答应为 JSON 文本。"}])
        else:
            try:
                answers = json.loads(text)
            except ValueError as exc:
                line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
                where = f"第{line}行第{col}列" if line else ""
                result = error_result([{"field": "answers", "message": f"回答不是有效的 JSON{where and '（' + where + '）'}。"}])
            except RecursionError:
                result = error_result([{"field": "answers", "message": "回答的 JSON 嵌套过深。"}])
            else:
                result = check(answers)
    except Exception as exc:
        result = error_result([{"field": "(checker)", "message": f"{INTERNAL_ERROR}（{type(exc).__name__}）"}])
    return canonical(result)


def canonical(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, sort_keys=True, indent=2)
