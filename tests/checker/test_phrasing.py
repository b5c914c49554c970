"""checker.phrasing takes a fact as rules.json holds it (what the site's pages have) and says it as
the checker's result does: a page and a result cannot phrase one step, allowance, fee or status
two ways."""

from __future__ import annotations

import datetime as dt

from checker import check, phrasing, timeline
from checker.rulebook import rulebook

from golden import load_cases


def _notice(notice_id):
    return rulebook().notices[notice_id]


def _route(notice_id, route_id):
    return next(r for r in _notice(notice_id)["rules"]["routes"] if r["id"] == route_id)


def test_a_rules_step_and_the_results_step_read_the_same():
    result = check(next(c for c in load_cases() if c["name"] == "2025 自由职业者 经人事代理机构")["answers"])
    route = _route("2025-bigdata", result["route"]["id"])
    for rule_step, result_step in zip(route["steps"], result["route"]["steps"], strict=True):
        assert phrasing.step_line(rule_step) == phrasing.step_line(result_step)
        assert phrasing.step_details(rule_step) == phrasing.step_details(result_step)
        assert phrasing.step_actor(rule_step) == phrasing.step_actor(result_step)


def test_the_chain_keeps_the_steps_caveat():
    # 2025 四（二）3.（3）: "市级主管部门（人事代理机构）…登录服务平台审核后报送评委会" — the district
    # office is on the route only when the agency is a district one.
    chain = phrasing.route_chain(_route("2025-bigdata", "freelancer")["steps"])
    assert "仅当：人事代理机构为区县人事代理机构时" in chain
    assert chain.startswith("个人 → 人事代理机构 → 区县人力社保（职改）部门（人事代理机构所在地区县；")


def test_fee_and_allowance_from_rules_json():
    fees = _notice("2025-bigdata")["fees"]
    assert phrasing.fee_text(fees) == "按申报级别：高级420元、中级240元、初级120元"
    assert phrasing.fee_lines(fees)[0] == "缴费前提：平台申报状态为“申报完成”"
    aid = next(a for a in _notice("2025-bigdata")["rules"]["allowances"] if a["id"] == "aid_service")
    sentence = phrasing.allowance_sentence(aid)
    assert "援助期间年度考核为合格及以上" in sentence and "除国家“以考代评”“考评结合”" in sentence


def test_round_status_from_rules_json_matches_the_result():
    at = dt.datetime(2025, 9, 10, 12, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    events = timeline.events(_notice("2025-bigdata"), "2025-bigdata", at)
    status = phrasing.round_status(events)
    result = check({"notice": "2025-bigdata", "today": "2025-09-10"})
    assert status["state"] == "open" and status == result["display"]["round"]


def test_one_citation_form():
    assert phrasing.citation(_notice("2025-bigdata"), "c4-2-3-3") == "渝大数据发〔2025〕128号 四（二）3.（3）"
    assert phrasing.cite_text(phrasing.clause_cite(_notice("2025-bigdata"), "c4-2-3-3")) == "〔四（二）3.（3）〕"


def test_pathway_status_from_rules_json():
    pathways = {p["path"]: p for p in _notice("2023-manufacturing")["rules"]["pathways"]}
    assert phrasing.pathway_lines(pathways["multi_evaluation"])[0] == "多评同级别工程技术职称：本次可申报"
    normal = phrasing.pathway_lines(pathways["normal"])
    assert normal[0] == "正常晋升或转评：不纳入本次申报" and "可按当年职称申报通知要求" in normal[1]
