"""Validates one data file against its JSON Schema and words each failure for people.

jsonschema's own messages are English and name no field path; these say in
Chinese (English in brackets) which field is wrong and what was expected. A
schema can supply its own wording with `patternErrorMessage` (on a pattern) or
`errorMessage` (on a subschema), the keywords VS Code's YAML/JSON support also
shows in the editor.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, validators

from .errors import message

_TYPE_NAMES = {
    "string": "字符串", "integer": "整数", "number": "数字", "boolean": "布尔值",
    "array": "列表", "object": "映射", "null": "null",
}


# JSON Schema counts 240.0 as an integer; the policy data must not (issue 21 finding 7: `yuan: 240.0`
# was printed as "240.0元"). An integer field holds a YAML integer, never a float or a bool.
_STRICT_TYPES = Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda checker, value: isinstance(value, int) and not isinstance(value, bool))
StrictValidator = validators.extend(Draft202012Validator, type_checker=_STRICT_TYPES)


@lru_cache(maxsize=None)
def _validator(schema_path: str) -> Draft202012Validator:
    # The schemas themselves are checked against the 2020-12 metaschema by the test suite
    # (tests/data/test_policy_tools.py): doing it on every load cost a quarter of the build.
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    return StrictValidator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


PLACEHOLDER = "待填写"     # what `python -m policy_build new-notice` writes where a person must fill in


def _placeholders(node, path=()):
    """(path, text) of every `待填写：…` string a drafted file still holds."""
    if isinstance(node, str) and node.startswith(PLACEHOLDER):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _placeholders(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _placeholders(value, path + (index,))


def schema_errors(data, schema_path: Path, file: str) -> list[str]:
    """Every schema violation in `data`, in document order, as messages naming `file`.
    A draft placeholder is reported as what to fill in, instead of the type or pattern it breaks."""
    validator = _validator(str(schema_path))
    todo = list(_placeholders(data))
    drafted = [message(file, list(path), f"草稿待填写 (draft placeholder: fill in from the notice): {text}")
               for path, text in todo]
    todo_paths = [path for path, _ in todo]
    errors = sorted((e for e in validator.iter_errors(data)
                     if not any(tuple(e.absolute_path)[:len(p)] == p for p in todo_paths)),
                    key=lambda e: _document_order(data, e.absolute_path))
    # A malformed date fails both its pattern and its format: report the pattern only.
    patterned = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    errors = [e for e in errors if not (e.validator == "format" and tuple(e.absolute_path) in patterned)]
    return drafted + [line for error in errors for line in _describe(error, file)]


def _document_order(data, path) -> tuple:
    """Sort key placing an error where its field sits in the file."""
    key, node = [], data
    for part in path:
        if isinstance(node, dict):
            keys = list(node)
            key.append(keys.index(part) if part in node else len(keys))
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            key.append(part)
            node = node[part] if part < len(node) else None
        else:
            break
    return tuple(key)


def _types(expected) -> str:
    names = expected if isinstance(expected, list) else [expected]
    zh = "或".join(_TYPE_NAMES.get(n, n) for n in names)
    return f"类型应为{zh} (expected {' or '.join(names)})"


def _describe(error, file: str) -> list[str]:
    path = list(error.absolute_path)
    kind, value, sub = error.validator, error.instance, error.schema
    if isinstance(sub, dict) and sub.get("errorMessage") and kind in ("anyOf", "oneOf", "not", "allOf"):
        return [message(file, path, sub["errorMessage"])]
    if kind == "required":
        missing = [name for name in error.validator_value if name not in value]
        name = missing[0] if missing else error.message.split(" ")[0]
        return [message(file, path, f"缺少必填字段 '{name}' (missing required field '{name}')")]
    if kind == "additionalProperties":
        known = set(sub.get("properties", {}))
        patterns = sub.get("patternProperties", {})
        extras = [k for k in value if k not in known and not any(re.search(p, k) for p in patterns)]
        allowed = ", ".join(sorted(known))
        return [message(file, path + [k], f"未知字段 '{k}'，可用字段：{allowed} (unknown property '{k}')")
                for k in extras]
    if kind == "type":
        expected = _types(error.validator_value)
        if "string" in str(error.validator_value) and type(value) is int:
            expected += "；电话、邮编等数字串请加引号 (quote digit strings)"
        return [message(file, path, expected, value)]
    if kind == "pattern":
        expected = sub.get("patternErrorMessage") or f"格式不符 (expected pattern {error.validator_value})"
        return [message(file, path, expected, value)]
    if kind == "format":
        if error.validator_value == "date":
            return [message(file, path, "日期不存在 (expected a real calendar date)", value)]
        return [message(file, path, f"格式不符：{error.validator_value} (expected format {error.validator_value})", value)]
    if kind == "enum":
        options = ", ".join(map(str, error.validator_value))
        return [message(file, path, f"应为以下之一：{options} (expected one of: {options})", value)]
    if kind == "const":
        return [message(file, path, f"应为 {error.validator_value!r} (expected {error.validator_value!r})", value)]
    if kind == "minItems":
        return [message(file, path, f"至少应有 {error.validator_value} 项 (expected at least {error.validator_value} items)")]
    if kind == "uniqueItems":
        return [message(file, path, "列表中有重复项 (expected unique items)")]
    if kind == "minLength":
        return [message(file, path, "不能为空 (expected non-empty text)", value)]
    if kind == "minimum":
        return [message(file, path, f"应不小于 {error.validator_value} (expected ≥ {error.validator_value})", value)]
    if isinstance(sub, dict) and sub.get("errorMessage"):
        return [message(file, path, sub["errorMessage"])]
    if kind in ("anyOf", "oneOf") and error.context:
        # Word the branch that came closest: a failed pattern says more than "not null".
        closest = sorted(error.context, key=lambda e: (e.validator == "type", len(e.absolute_path) * -1))
        return _describe(closest[0], file)
    return [message(file, path, f"不符合要求 (schema: {error.message})", value)]
