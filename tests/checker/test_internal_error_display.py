"""A fault of the checker itself is not the visitor's wrong answer: its display form says so.

Before, an internal error got the 回答有误 headline of refused answers, and the page told it apart
by an error field it defined a second time in JS (issue 20: mirrors of Python in JS)."""
from __future__ import annotations

from checker import vocabulary as words
from checker.contract import error_result, internal_error


def test_an_internal_error_has_its_own_tone_headline_and_copy():
    form = internal_error(RuntimeError("boom"))["display"]
    assert form["tone"] == "internal" and form["headline"] == words.HEADLINES["internal"]
    assert form["headline"] != words.HEADLINES["invalid"]
    assert form["summary"]["lines"][0] == f"【{words.HEADLINES['internal']}】"
    assert form["summary"]["link_label"] is None          # nothing to reopen
    assert any("RuntimeError" in line for line in form["summary"]["lines"])


def test_refused_answers_keep_the_invalid_tone_and_list_their_messages():
    form = error_result([{"field": "level", "message": "「申报级别」不是可选的值"}])["display"]
    assert form["tone"] == "invalid" and form["headline"] == words.HEADLINES["invalid"]
    assert form["summary"]["lines"] == [f"【{words.HEADLINES['invalid']}】", "  - 「申报级别」不是可选的值"]
