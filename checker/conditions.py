"""The `when` condition language of policy_data/README.md, three-valued.

eval_when returns (True | False | None, unknown_keys): every test must hold;
an answer not given makes its test unknown (None) unless another test is
already false. `explain` words, in Chinese, what a matched test found, so a
reason can show the visitor why it applies to them.
"""

from __future__ import annotations

from . import vocabulary as words


def _same(answer, expected) -> bool:
    # bool is an int in Python: never let True equal 1.
    if isinstance(answer, bool) or isinstance(expected, bool):
        return isinstance(answer, bool) and isinstance(expected, bool) and answer is expected
    return answer == expected


def eval_test(test, answer):
    """True/False, or None when the answer is missing."""
    if answer is None:
        return None
    if isinstance(test, list):
        return any(_same(answer, option) for option in test)
    if not isinstance(test, dict):
        return _same(answer, test)
    if "not" in test:
        inner = eval_test(test["not"], answer)
        return None if inner is None else not inner
    if "min" in test:
        return _is_number(answer) and answer >= test["min"]
    if "max" in test:
        return _is_number(answer) and answer <= test["max"]
    if "contains_any" in test:
        if not isinstance(answer, str) or _whole_name(answer) in {_whole_name(t) for t in test.get("except_names", [])}:
            return False
        return _matched_term(answer, test["contains_any"]) is not None
    if "names_any" in test:
        return isinstance(answer, str) and _whole_name(answer) in {_whole_name(t) for t in test["names_any"]}
    raise ValueError(f"unknown condition test: {test!r}")


def eval_when(when: dict | None, answers: dict):
    """(True | False | None, [keys whose answers are missing])."""
    unknown = []
    for key, test in (when or {}).items():
        result = eval_test(test, answers.get(key))
        if result is False:
            return False, []
        if result is None:
            unknown.append(key)
    return (None, unknown) if unknown else (True, [])


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _whole_name(text: str) -> str:
    """A specialty name as typed, compared whole: spaces and a trailing 专业 do not count."""
    return "".join(text.split()).casefold().removesuffix("专业")


def _matched_term(text: str, terms: list[str]) -> str | None:
    folded = text.casefold()
    return next((t for t in terms if t.casefold() in folded), None)


def explain(when: dict | None, answers: dict, labels: dict[str, str]) -> list[str]:
    """Chinese details for the tests that say most about the visitor's own answers."""
    details = []
    for key, test in (when or {}).items():
        answer = answers.get(key)
        if answer is None or not isinstance(test, dict):
            continue
        positive = test.get("not", test) if isinstance(test.get("not"), dict) else test
        if "names_any" in positive and isinstance(answer, str) and "not" not in test:
            details.append(words.MATCHED_NAME.format(label=labels.get(key, key), answer=answer))
        elif "contains_any" in positive and isinstance(answer, str):
            term = _matched_term(answer, positive["contains_any"])
            if term:
                details.append(words.MATCHED_TERM.format(label=labels.get(key, key), answer=answer, term=term))
    return details
