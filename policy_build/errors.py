"""PolicyError and the one message format every data error uses.

A message names the file (relative to the repository), the field path, the
offending value where there is one, and what was expected — in Chinese first,
English in brackets — e.g.
    policy_data/offices.yaml: offices[17].phones[0]: '8726870' — 电话应为8位数字 (expected 8 digits)
"""

from __future__ import annotations

_NO_VALUE = object()


class PolicyError(Exception):
    """Invalid policy data. `errors` lists every problem found, first one first."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        text = "\n".join(self.errors)
        if len(self.errors) > 1:
            text += f"\n（共 {len(self.errors)} 处错误 / {len(self.errors)} errors）"
        super().__init__(text)


def field_path(parts) -> str:
    """('offices', 17, 'phones', 0) -> 'offices[17].phones[0]'; () -> '(root)'."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(root)"


def show_value(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def message(file: str, path, expectation: str, value=_NO_VALUE) -> str:
    where = path if isinstance(path, str) else field_path(path)
    if value is _NO_VALUE:
        return f"{file}: {where}: {expectation}"
    return f"{file}: {where}: {show_value(value)} — {expectation}"
