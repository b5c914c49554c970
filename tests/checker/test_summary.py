"""The 工单摘要 (display.summary): what an agent pastes into a ticket. Issue 18: ≤ 600 characters
besides its link for every golden case, the caller's answers first, then verdict, office and phone,
fee, status and the deciding clauses."""

from __future__ import annotations

import pytest

from checker import check
from checker import summary as summary_module
from golden import load_cases

CASES = [c for c in load_cases() if not check(c["answers"]).get("errors")]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_summary_is_short_and_starts_with_the_answers(case):
    result = check(case["answers"])
    form = result["display"]
    lines = form["summary"]["lines"]
    assert len("\n".join(lines)) <= summary_module.SUMMARY_LIMIT
    verdict_at = next(i for i, line in enumerate(lines) if line.startswith("结论："))
    answered = summary_module.answer_lines(result["answers"])
    assert lines[0].startswith("通知：") and lines[1:verdict_at] == answered
    assert lines[verdict_at].startswith(f"结论：{form['headline']}。")
    panel = form["panel"]
    text = "\n".join(lines)
    if panel["office"]:
        assert all(p["display"] in text for p in panel["office"]["phones"])
    if panel["round"]:
        assert panel["round"]["short"] in text
    assert lines[-1].startswith("依据：") or not result["reasons"]
    assert form["summary"]["link_label"]


def test_summary_labels_answers_as_the_form_does():
    case = next(c for c in CASES if c["name"] == "2025 自由职业者 经人事代理机构")
    lines = check(case["answers"])["display"]["summary"]["lines"]
    assert "工作单位类别：自由职业者" in lines and "社保缴费月数：12个月" in lines and "区县：九龙坡区" in lines
    assert "职改办：人事代理机构为区县人事代理机构时，由九龙坡区职改办审核后报送评委会，电话023-61968901" in lines
    assert "评审费 240 元" in lines


def test_a_long_verdict_is_shortened_never_the_answers():
    lines = ["通知：x", "申报级别：中级", "结论：" + "很长" * 400, "评审费 240 元"]
    fitted = summary_module._fit(lines, 2)
    assert len("\n".join(fitted)) == summary_module.SUMMARY_LIMIT
    assert fitted[:2] == lines[:2] and fitted[3] == lines[3] and fitted[2].endswith("…")
