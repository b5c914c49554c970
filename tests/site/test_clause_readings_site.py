"""Issue 9, defects 7 and 9–11 on the built pages: what a reader sees says no more than the
clause, and every caveat the data holds reaches the page. Each test quotes its sentence."""
from __future__ import annotations

import re

import pytest

from built_pages import visible

M23, B25 = "2023-manufacturing", "2025-bigdata"


def test_routes_page_shows_every_step_caveat(built_site, policy, quote):
    quote(B25, "区县职改部门、市级主管部门（人事代理机构）、市外单位驻渝最高管理机构登录服务平台审核后报送评委会")
    text = visible(built_site.page("routes/").text)
    caveats = {step[key] for notice in policy.notices.values() for route in notice.rules["routes"]
               for step in route["steps"] for key in ("note", "only_if") if step.get(key)}
    assert len(caveats) >= 5
    for caveat in caveats:
        assert visible(caveat) in text, caveat


def test_compare_page_says_not_mentioned_for_2025_multi_evaluation(built_site, policy):
    source = policy.notices[B25].source_text
    assert "多评" not in source and "转评" not in source
    html = built_site.html("compare/")
    rows = [r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S) if re.search(r"<th scope=\"row\">多评", r)]
    assert len(rows) == 1, rows
    cells = dict(re.findall(r'<td data-label="([^"]+)">(.*?)</td>', rows[0], re.S))
    m23, b25 = (policy.notices[n].meta.get("short_title") for n in (M23, B25))
    assert "本次可申报" in cells[m23]
    assert "未提及" in cells[b25] and "本次可申报" not in cells[b25]
    assert "未提及转评" in visible(built_site.page("compare/").text)


def test_glossary_ties_each_sentence_to_the_clause_that_says_it(policy, quote):
    quote(M23, "9月26日18:00前各级审核推荐单位完成申报材料的审核推荐工作，提交至重庆市工程技术正高级职称评审委员会（专项）审核，逾期将无法提交")
    assert policy.notices[M23].source_text.count("逾期将无法提交") == 1
    quote(B25, "逾期未补正的（未经公示的材料不得补报）视为放弃申报")
    terms = {t["id"]: t for t in policy.shared["glossary"]["terms"]}
    timeline23 = next(d for d in terms["timeline"]["definition"] if d["clause"] == f"{M23}#c2")
    assert "只针对各级审核推荐单位" in timeline23["text"]
    for term in terms.values():
        for definition in term.get("definition") or []:
            notice_id, clause_id = definition["clause"].split("#")
            if "未经公示的材料不得补报" in definition["text"]:
                assert "未经公示的材料不得补报" in policy.notices[notice_id].clause(clause_id)["text"], definition
    high_skill = " ".join(d["text"] for d in terms["high_skill_talent"]["definition"])
    assert "指取得" not in high_skill        # the notice gives no definition of 高技能人才
    quote(B25, "区县主管部门（人事代理机构）登录服务平台审核后报送区县职改部门。市属事业单位、国有企业人员，市外单位驻渝人员无须经过此步骤")
    supervising = " ".join(d["text"] for d in terms["supervising_department"]["definition"])
    assert "无须经过此步骤" in supervising and "无须经过区县职改部门" not in supervising


def test_faq_civil_servant_answer_keeps_one_line_per_notice(built_site, policy):
    html = built_site.html("faq/")
    start = html.index('id="faq-civil_servant"')
    answer = html[start:html.index("依据：", start)]
    items = re.findall(r"<li>(.*?)</li>", answer, re.S)
    assert len(items) == len(policy.notices)
    assert "不能" not in items[0] and "没有将其排除" in items[0]
    assert "不能" in items[1]


def test_office_directory_cites_its_annex(built_site, quote):
    quote(B25, "附件：重庆市区县（自治县）职称改革办公室通讯录")
    assert "来源：渝大数据发〔2025〕128号附件" in visible(built_site.page("offices/").text)
    notice_text = visible(built_site.page(f"notices/{B25}/").text)
    assert "通讯录共列41个职改办" in notice_text and "offices.yaml" not in notice_text


def test_checker_fallback_dials_the_hotline_as_printed(built_site, quote):
    quote(M23, "职称政策咨询服务电话:023-12333")
    html = built_site.html("checker/")
    assert '<a href="tel:+862312333">023-12333</a>' in html and 'href="tel:12333"' not in html
