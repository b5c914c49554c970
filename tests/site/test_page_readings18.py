"""Issue 18, page defects 7, 8, 9, 11, 13 and 14 on the built pages and the data they come from.
Each test quotes the sentence of the notice it rests on."""
from __future__ import annotations

import re

import pytest

from built_pages import ParsedPage, visible

M23, B25 = "2023-manufacturing", "2025-bigdata"


def _terms(policy) -> dict:
    return {t["id"]: t for t in policy.shared["glossary"]["terms"]}


def _section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start + 1)
    return html[start:end if end > 0 else len(html)]


def test_high_skill_conditions_come_before_the_one_of_list(built_site, policy, quote):
    """#7: 'one of' qualifies only the grade/years list; the annual reviews, 准入 and 业绩 apply to all."""
    quote(M23, "工程技术领域高技能人才，申请评审工程技术职称，须在现工作岗位上近3年年度考核合格，"
               "符合工程技术相应职称的职业准入要求及申报业绩成果条件（参见《重庆市职称申报标准条件索引》"
               "工程技术人员对应职称），且符合下列条件之一：")
    glossary = visible(_section(built_site.html("glossary/"), "term-high_skill_talent"))
    one_of = glossary.index("符合下列条件之一")
    for condition in ("年度考核合格", "职业准入要求", "申报业绩成果条件"):
        assert -1 < glossary.find(condition) < one_of, condition
    hint = next(q for q in policy.questions["questions"] if q["key"] == "skill_level")
    assert "其中一项即可" not in hint["hint"]
    for condition in ("年度考核合格", "职业准入要求", "申报业绩成果条件"):
        assert condition in hint["hint"], condition
    assert f"{M23}#c3-2" in hint["refs"]          # the hint cites the sentence it now repeats
    assert visible(hint["hint"]) in visible(built_site.html("checker/"))


@pytest.mark.parametrize("page, anchor", [("faq/", "faq-aid_assignment"), ("agent/", "agent-faq-aid_assignment")])
def test_aid_answer_keeps_one_bullet_per_effect(built_site, policy, quote, page, anchor):
    """#8: each effect of 二（六） is its own bullet; the 2023 sentence is not glued to the last one."""
    quote(B25, "申报副高级职称的，可提前2年，学历放宽到大专；申报正高级职称的，可提前1年")
    aid = next(a for a in policy.notices[B25].rules["allowances"] if a["id"] == "aid_service")
    html = built_site.html(page)
    start = html.index(f'id="{anchor}"')
    ends = [i for i in (html.find("依据：", start), html.find("</article>", start)) if i > 0]
    answer = html[start:min(ends)]
    items = [visible(re.sub(r"<[^>]+>", "", i)) for i in re.findall(r"<li>(.*?)</li>", answer, re.S)]
    for effect in aid["effects"]:
        assert any(item.startswith(visible(effect["text"])) for item in items), effect["text"]
    assert len(items) == len(aid["conditions"]) + len(aid["effects"])
    assert not any("没有援派人员的规定" in item for item in items)
    assert "没有援派人员的规定" in visible(answer)


def test_glossary_sentences_cite_the_sub_clause_that_prints_them(policy, quote):
    """#9: 市人事代理机构 is in 五（三）2.（2）, not 2.（1）."""
    quote(M23, "市人事代理机构负责所代理非公有制组织以及流动人员申报材料的审核和呈报工作")
    checked = 0
    for term in _terms(policy).values():
        for definition in term.get("definition") or []:
            notice_id, clause_id = definition["clause"].split("#")
            notice = policy.notices[notice_id]
            clause = notice.clause(clause_id)
            cited = visible((clause.get("title") or "") + clause["text"])
            for sentence in re.split(r"[。；]", definition["text"]):
                sentence = visible(sentence)
                if len(sentence) > 12 and sentence in visible(notice.source_text):   # a verbatim sentence
                    checked += 1
                    assert sentence in cited, (term["id"], definition["clause"], sentence)
    assert checked >= 10


def test_compare_page_marks_the_committee_name_the_site_composed(built_site, policy):
    """#11: 2025 never prints a committee name; the page must not show ours as if printed."""
    composed = [n for n in policy.notices.values() if n.meta["committee"].get("name_is_composed")]
    assert composed
    html = built_site.html("compare/")
    row = next(r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S) if re.search(r'<th scope="row">评委会', r))
    cells = dict(re.findall(r'<td data-label="([^"]+)">(.*?)</td>', row, re.S))
    for notice in policy.notices.values():
        name = notice.meta["committee"]["name"]
        cell = visible(cells[notice.meta["short_title"]])
        assert visible(name) in cell
        if notice in composed:
            assert visible(name) not in visible(notice.source_text)
            assert "本站根据原文组合" in cell
        else:
            assert "本站根据原文组合" not in cell


def test_no_page_shows_an_internal_clause_id(built_site, policy):
    """#13: "2023-manufacturing#c1-2 印作…" on the references page; readers see 文号 and 条款号."""
    ids = re.compile("(" + "|".join(map(re.escape, policy.notices)) + r")#")
    pages = [p for p in built_site.root.rglob("index.html")]
    assert len(pages) > 10
    for path in pages:
        assert not ids.search(ParsedPage(path.read_text(encoding="utf-8")).text), path
    flag = visible(built_site.page("references/").text)
    assert "渝职改办〔2023〕211号一（二）印作" in flag


def test_office_directory_counts_offices_as_the_annex_lists_them(built_site, policy, quote):
    """#13: the annex lists 41 offices, 3 of them 功能区: not '41个区县（自治县）'."""
    quote(B25, "重庆市区县（自治县）职称改革办公室通讯录")
    names = [o["name"] for o in policy.offices]
    for page in ("offices/", "faq/", f"notices/{B25}/"):
        text = visible(built_site.page(page).text)
        assert f"{len(names)}个区县" not in text, page
        assert f"全市{len(names)}个" not in text, page
    assert f"{len(names)}个职改办" in visible(built_site.page("offices/").text)


def test_civil_servant_answer_says_not_excluded_once(built_site, policy, quote):
    """#14: the 2023 answer repeated '没有将其排除'."""
    quote(M23, "在渝单位人员因工作需要委托我市评审职称的，应由其具有职称评审权限的上级主管部门出具委托评审函")
    assert "公务员" not in policy.notices[M23].source_text and "机关" not in policy.notices[M23].source_text
    answer = visible(_section(built_site.html("faq/"), "faq-civil_servant"))
    assert answer.count("没有将其排除") == 1


def test_both_outside_chongqing_deferral_does_not_deny_a_route(policy, quote):
    """#14: 四（一）3.（2） depends on the archive only, so the notice does give a route for it."""
    quote(B25, "档案在异地的。个人（持异地查档记录）→所在单位→参保地区县人力社保（职改）部门→评委会。")
    deferral = next(d for d in policy.notices[B25].rules["deferrals"] if d["id"] == "non_public_outside_listed_cases")
    assert "没有列出相应的申报路径" not in deferral["text"]
    assert "只看档案" in deferral["text"]


def test_glossary_reads_gaoji_in_1_3_as_the_checker_does(built_site, policy, quote):
    """#6: one reading of "高级" in 一（三）: 副高级, because the same sentence names 船舶专业正高级;
    计算机/风景园林/林业 正高级 are left to the committee (the checker's deferrals say so)."""
    quote(M23, "风景园林、林业专业高级等工程技术系列“考评结合”的职称，取得考试成绩合格单后，纳入本次申报范围")
    quote(M23, "船舶专业正高级等我市未开展评审的职称")
    deferrals = {d["id"] for d in policy.notices[M23].rules["deferrals"]}
    assert "landscape_forestry_senior_not_addressed" in deferrals
    entry = visible(_section(built_site.html("glossary/"), "term-exam_and_review"))
    assert "读作副高级" in entry and "正高级，通知未作规定" in entry
