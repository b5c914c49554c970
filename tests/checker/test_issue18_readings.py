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
