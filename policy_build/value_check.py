"""Values the compiled contract cannot hold (issue 21, finding 7), refused wherever they appear.

- a non-finite number (.nan, .inf, -.inf): JSON has no such value (compile would write `NaN`), and a
  `max: .inf` made every answer in range;
- a control character other than the line break (\\0, \\e …), a bidi control (U+202E …), a line or
  paragraph separator, or any other format character (zero-width marks): printed raw by the CLI and
  the pages, invisible in review. No policy text needs one.
"""

from __future__ import annotations

import math
import unicodedata

from .errors import message

_REFUSED_CATEGORIES = ("Cc", "Cf", "Zl", "Zp", "Co", "Cs")
_ALLOWED = "\n"


def value_errors(data, file: str) -> list[str]:
    """Messages naming `file` and the field of every refused value in a loaded YAML tree."""
    errors: list[str] = []
    stack = [((), data)]                    # iterative: the tree is acyclic but may be deep
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            for key, value in reversed(list(node.items())):
                if isinstance(key, str) and (problem := _text_problem(key)):
                    errors.append(message(file, list(path), f"键 {key!r} {problem}"))   # repr escapes it
                stack.append((path + (key,), value))
        elif isinstance(node, list):
            stack.extend((path + (i,), item) for i, item in reversed(list(enumerate(node))))
        elif isinstance(node, float) and not math.isfinite(node):
            errors.append(message(file, list(path), "应为有限的数字，JSON 无法表示 .nan/.inf "
                                                     "(expected a finite number)", node))
        elif isinstance(node, str) and (problem := _text_problem(node)):
            errors.append(message(file, list(path), problem))
    return errors


def _text_problem(text: str) -> str | None:
    for ch in text:
        if ch not in _ALLOWED and unicodedata.category(ch) in _REFUSED_CATEGORIES:
            code = f"U+{ord(ch):04X}"
            name = unicodedata.name(ch, "")
            return (f"含有控制字符或双向文本控制字符 {code}{f'（{name}）' if name else ''}，请删去 "
                    f"(control or bidi character {code})")
    return None
