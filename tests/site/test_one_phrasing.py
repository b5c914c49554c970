"""Issue 18 "one phrasing of every policy fact": each route step, allowance and fee as the
comparison, FAQ, routes and fees pages show it is the checker's text for the same fact
(checker/phrasing.py on the compiled rules), with every note, condition and exception."""
from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import re

import pytest

from built_pages import visible
from checker import moments, phrasing, timeline, vocabulary
from policy_build.rules_export import rules_json_text

M23, B25 = "2023-manufacturing", "2025-bigdata"


@pytest.fixture(scope="module")
def rules(policy) -> dict:
    return json.loads(rules_json_text(policy))


@pytest.fixture(scope="module")
def texts(built_site) -> dict:
    return {page: visible(built_site.page(page).text) for page in ("compare/", "faq/", "routes/", "fees/", "agent/")}


def _routes(rules):
    return [(nid, route) for nid, notice in rules["notices"].items() for route in notice["rules"]["routes"]]


def test_routes_page_says_every_step_as_the_checker_does(rules, texts):
    for nid, route in _routes(rules):
        for step in route["steps"]:
            assert visible(phrasing.step_line(step)) in texts["routes/"], (nid, route["id"], step["actor"])
            for detail in phrasing.step_details(step):
                assert visible(detail) in texts["routes/"], (nid, route["id"], detail)


def test_compare_and_faq_chains_are_the_checkers_and_keep_every_note(rules, texts):
    in_faq = 0
    for nid, route in _routes(rules):
        chain = visible(phrasing.route_chain(route["steps"]))
        notes = [visible(s["note"]).rstrip("。") for s in route["steps"] if s.get("note")]
        assert chain in texts["compare/"], (nid, route["id"])
        for page in ("compare/", "faq/"):
            text = texts[page]
            for match in re.finditer(re.escape(chain), text):
                in_faq += page == "faq/"
                following = text[match.end():match.end() + 2000]
                for note in notes:
                    assert note in following, (page, nid, route["id"], note)
    assert in_faq >= 4          # the FAQ answers that show a route
    for page in ("compare/", "faq/"):
        assert "（仅" not in texts[page]        # the pages' own chain form ("（仅…）") is gone


def test_2023_commissioned_route_keeps_its_no_review_step_note(rules, texts, quote):
    """#4: 申报人 → 所在单位 → 评委会 without '本通知未写明…审核环节' read as if nothing were between."""
    quote(M23, "在渝单位人员因工作需要委托我市评审职称的，应由其具有职称评审权限的上级主管部门出具委托评审函")
    route = next(r for r in rules["notices"][M23]["rules"]["routes"] if r["id"] == "external_in_chongqing")
    note = next(s["note"] for s in route["steps"] if "未写明" in (s.get("note") or ""))
    for page in ("compare/", "faq/", "routes/"):
        assert visible(note).rstrip("。") in texts[page], page


def test_allowances_read_with_conditions_and_exceptions_everywhere(rules, texts, policy, quote):
    """#5: the 放宽政策 row and the FAQ dropped '援助期间年度考核为合格及以上…' and the exceptions."""
    quote(B25, "援助期间年度考核为合格及以上，符合职称申报条件的")
    quote(B25, "除国家“以考代评”“考评结合”、重庆市无评审权限以及国家和重庆市实施评审指标总量控制的序列和专业外")
    quote(B25, "选派期间年度考核为称职以上的")
    allowances = {a["id"]: a for a in rules["notices"][B25]["rules"]["allowances"]}
    for allowance in allowances.values():
        for line in phrasing.allowance_lines(allowance):
            assert visible(line) in texts["compare/"], line
    for allowance_id in ("aid_service", "rural_revitalisation"):
        for line in phrasing.allowance_lines(allowances[allowance_id]):
            assert visible(line) in texts["faq/"], line
            assert visible(line) in texts["agent/"], line
    hints = {q["key"]: q["hint"] for q in policy.questions["questions"]}
    assert "援助期间年度考核为合格及以上" in hints["aid_service_years"]
    assert "除国家“以考代评”“考评结合”" in hints["aid_service_years"]
    assert "选派期间年度考核为称职以上" in hints["rural_service_years"]


def test_fees_read_the_same_on_every_page(rules, texts, built_site):
    for nid, notice in rules["notices"].items():
        fees = notice["fees"]
        assert visible(phrasing.fee_text(fees)) in texts["faq/"], nid
        for grade in fees["grades"]:
            said = visible(phrasing.fee_grade_text(grade))
            assert said in texts["compare/"] and said in texts["fees/"], (nid, said)
    for page in ("compare/", "faq/", "fees/"):
        assert not re.search(r"\d元/人、", texts[page].replace("高级420元/人、中级240元/人、初级120元/人", "")), page


def test_start_page_round_status_is_the_checkers(built_site, rules):
    html = built_site.html("")
    for nid in rules["notices"]:
        start = html.index(f'id="notice-{nid}"')
        card = html[start:html.index("</section>", start)]
        after = html_lib.unescape(re.search(r'data-text-after="([^"]*)"', card).group(1))
        later = moments.start_of(dt.date(2100, 1, 1))
        assert after.startswith(phrasing.round_status(timeline.events(rules["notices"][nid], nid, later))["text"])
        # Before its first start a round has not begun, even with a deadline-only step ahead.
        before = html_lib.unescape(re.search(r'data-text-before="([^"]*)"', card).group(1))
        assert before.startswith(vocabulary.ROUND["not_started"].split("：")[0]), before


def test_cutoff_reads_as_the_result_says_it(rules, texts, built_site):
    """The 工作时间/任职时间 cut-off (2025 六（二）) in the checker's words on every page that shows it."""
    timeline = visible(built_site.page("timeline/").text)
    for nid, notice in rules["notices"].items():
        if notice.get("cutoff"):
            said = visible(phrasing.cutoff_text(notice["cutoff"]))
            for text in (timeline, texts["faq/"], texts["compare/"]):
                assert said in text, nid


def test_pathway_statuses_read_as_the_checker_says_them(rules, texts):
    """The comparison page worded 本次可申报/未提及/不纳入 itself; it now shows phrasing.pathway_lines."""
    for nid, notice in rules["notices"].items():
        for pathway in notice["rules"]["pathways"]:
            for line in phrasing.pathway_lines(pathway):
                assert visible(line) in texts["compare/"], (nid, line)
