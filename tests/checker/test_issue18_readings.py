"""Issue 18, the checker's defects: each reading quotes the notice sentence it rests on
(`quote` fails unless the notice prints it) and asserts what a reader of the result sees."""

from __future__ import annotations

import re

import pytest

from checker import check
from checker.rulebook import rulebook
from golden import load_cases

M23, B25 = "2023-manufacturing", "2025-bigdata"
CASES = load_cases()


def _case(name: str) -> dict:
    return next(c for c in CASES if c["name"] == name)["answers"]


@pytest.fixture(scope="module")
def quote(policy):
    def _quote(notice_id: str, sentence: str) -> str:
        source = re.sub(r"\s+", "", policy.notices[notice_id].source_text)
        assert re.sub(r"\s+", "", sentence) in source, f"{notice_id} does not print: {sentence}"
        return sentence
    return _quote


def _evidence_texts(result) -> list[str]:
    return [e["text"] for e in result["evidence"]]


# --- 1: an obligation is never hidden because a deferral cites the same clause ------------------

def test_2023_obligations_of_five_two_reach_every_applicant(quote):
    # 五（二） says these to every applicant; 机关 staff are merely one case the same clause leaves open.
    obligations = [quote(M23, "所填业绩成果，均应在系统中上传相应佐证材料，因未传佐证材料或佐证材料不符导致评审结果受影响的，责任自负。"),
                   quote(M23, "业绩成果如有涉密内容，请按保密规定进行脱密处理。")]
    result = check(_case("2023 多评 中级→中级 市属事业单位：业绩条件见《标准条件索引》"))
    assert result["verdict"] != "ineligible"
    shown = "\n".join(_evidence_texts(result))
    for sentence in obligations:
        assert sentence in shown


def _case_specific_clauses(notice: dict) -> set[str]:
    """Clauses that hold a route's papers or a referenced document's conditions: their evidence is
    shown only for that route or deferral."""
    rules = notice["rules"]
    return {r["clause"] for r in rules["routes"]} | {d["clause"] for d in rules["deferrals"] if d.get("references")}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_every_general_evidence_item_is_shown_to_every_case(case):
    result = check(case["answers"])
    if result.get("errors") or result["verdict"] == "ineligible":
        return
    notice = rulebook().notices[result["notice"]["id"]]
    specific = _case_specific_clauses(notice)
    shown = set(_evidence_texts(result))
    for item in notice["evidence"].get("general", []):
        if item["clause"] not in specific:
            assert item["text"] in shown, item["text"]


# --- 6: one reading of "高级" in 2023 一（三） ------------------------------------------------------

SENIOR23 = {"notice": M23, "path": "multi_evaluation", "level": "senior", "current_title_series": "other",
            "current_title_level": "senior", "concurrent_engineering_work": True, "employer": "city_institution",
            "today": "2023-09-10"}


def test_2023_gao_ji_in_one_three_is_deputy_senior_for_every_specialty(quote):
    # The sentence names "船舶专业正高级" apart from the others' "高级": there 高级 is 副高级, so
    # 计算机 and 风景园林、林业 正高级 are both left unsaid, and the committee decides (五（四）).
    quote(M23, "风景园林、林业专业高级等工程技术系列“考评结合”的职称，取得考试成绩合格单后，纳入本次申报范围。")
    quote(M23, "计算机专业高级、中级、初级，通信、船舶、风景园林及林业专业中级、初级等“以考代评”的职称，船舶专业正高级等我市未开展评审的职称")
    quote(M23, "评委会组建单位按规定的范围、权限和程序受理申报材料并做好登记。")
    labels = set()
    for specialty in ("计算机", "风景园林", "林业"):
        result = check({**SENIOR23, "specialty": specialty})
        assert result["verdict"] == "conditional" and not result["scope_established"], specialty
        assert "评委会组建单位" in result["verdict_label"], specialty
        assert any(r["clause"] == "c1-3" and "正高级未作规定" in r["text"] for r in result["reasons"]), specialty
        labels.add(result["verdict_label"])
    assert len(labels) == 1
    # 副高级 风景园林 is the 考评结合 case: in scope only with the 合格单.
    assert check({**SENIOR23, "specialty": "风景园林", "level": "deputy_senior", "current_title_level": "deputy_senior",
                  "exam_passed": False})["verdict"] == "ineligible"
