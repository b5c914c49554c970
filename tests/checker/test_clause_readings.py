"""Issue 9, defects 2–13: each reading of a notice sentence, with the sentence quoted.

`quote(notice, sentence)` fails unless the notice prints the sentence (whitespace
ignored), so every reading below rests on words the notice really contains. The
assertions are what a visitor sees: the verdict, the clause it cites, the route,
what is still asked, and the fields the screens render.
"""

from __future__ import annotations

import re

import pytest

from checker import check
from checker.rulebook import rulebook

M23, B25 = "2023-manufacturing", "2025-bigdata"

BASE25 = {"notice": B25, "path": "normal", "level": "intermediate", "employer": "city_institution",
          "big_data_work": True, "civil_servant": False, "retired": False, "in_penalty_period": False,
          "residency": "mainland", "today": "2026-11-23"}
BASE23 = {"notice": M23, "path": "multi_evaluation", "level": "intermediate", "specialty": "机械",
          "current_title_series": "other", "current_title_level": "intermediate",
          "concurrent_engineering_work": True, "employer": "city_institution", "today": "2023-09-10"}
HIGH_SKILL23 = {"notice": M23, "path": "high_skill", "level": "intermediate", "specialty": "机械",
                "skill_level": "technician", "skill_work_years": 3, "frontline_post": True,
                "annual_reviews_passed": True, "employer": "city_soe", "today": "2023-09-10"}


def _claims_scope(result) -> bool:
    return result["verdict_label"].startswith("属于本通知申报范围")


def _reason_clauses(result) -> list[str]:
    return [r["clause"] for r in result["reasons"]]


# --- 2: workplace and archive both outside Chongqing --------------------------------------------

def test_2023_workplace_and_archive_elsewhere_fails_the_archive_condition(quote):
    quote(M23, "工作单位在异地的（提供1年以上社保缴费记录），档案需在我市存放1年以上")
    for employer, clause in (("private", "c5-2-3"), ("self_employed_military", "c5-2-3"), ("freelancer", "c5-2-4")):
        result = check({**BASE23, "employer": employer, "workplace_in_chongqing": False, "archive_location": "elsewhere"})
        assert result["verdict"] == "ineligible", employer
        assert _reason_clauses(result) == [clause]
        assert "档案不在重庆" in result["reasons"][0]["text"]
        # Same for private employees and freelancers: no route, no district asked.
        assert result["route"] is None and "district" not in result["needs"]


def test_2025_is_silent_on_workplace_and_archive_elsewhere_and_names_235(quote):
    quote(B25, "工作单位、档案存放均在重庆的，须有1年以上社保缴费记录（市内外连续计算）；工作单位在重庆、档案在异地的，"
               "须在重庆工作1年以上（以社保参保记录为准）；工作单位在异地、档案在重庆的，须在重庆存档1年以上（以存档记录为准）")
    for employer in ("private", "freelancer"):
        result = check({**BASE25, "employer": employer, "workplace_in_chongqing": False, "archive_location": "elsewhere"})
        assert result["verdict"] == "conditional"
        assert "yrsf-2017-235" in [d["id"] for d in result["deferred_to"]]
        assert any("本通知未涉及" in r["text"] for r in result["reasons"])
        assert result["route"] is None and "district" not in result["needs"]
        assert not result["scope_established"] and not _claims_scope(result)
        assert result["verdict_label"].startswith("本通知对您的情形未作明确规定")
        assert "《关于做好我市流动人员职称申报评审工作有关事项的通知》" in result["verdict_label"]


# --- 3: scope is never claimed before it is established -----------------------------------------

def test_2025_scope_question_is_asked_and_not_presumed(quote):
    quote(B25, "我市各类企事业单位、经济组织和社会组织在职从事大数据智能化相关领域工作的专业技术人员")
    only_notice = check({"notice": B25, "today": "2026-11-23"})
    assert "big_data_work" in only_notice["needs"]
    assert not only_notice["scope_established"]
    assert not _claims_scope(only_notice)
    unanswered = check({**BASE25, "big_data_work": None})
    assert unanswered["needs"] == ["big_data_work"] and not unanswered["scope_established"]
    assert not _claims_scope(unanswered)
    answered = check(BASE25)
    assert answered["scope_established"] and _claims_scope(answered)
    outside = check({**BASE25, "big_data_work": False})
    assert outside["verdict"] == "ineligible" and _reason_clauses(outside) == ["c1-1"]


def test_2023_multi_evaluation_asks_for_concurrent_engineering_work(quote):
    quote(M23, "已取得非工程技术职称，兼任工程技术工作且符合工程技术系列相应专业职称申报业绩成果条件的专业技术人员，"
               "可申报多评同级别（含以下层级）工程技术职称")
    unanswered = check({**BASE23, "concurrent_engineering_work": None})
    assert "concurrent_engineering_work" in unanswered["needs"]
    assert not unanswered["scope_established"] and not _claims_scope(unanswered)
    assert check({**BASE23, "concurrent_engineering_work": False})["verdict"] == "ineligible"
    assert check(BASE23)["scope_established"]


def test_2023_high_skill_scope_waits_for_the_frontline_post(quote):
    quote(M23, "在我市工程技术领域生产一线岗位，从事技术技能工作的在职在岗高技能人才")
    unanswered = check({**HIGH_SKILL23, "frontline_post": None})
    assert "frontline_post" in unanswered["needs"] and not unanswered["scope_established"]
    assert not _claims_scope(unanswered)


# --- 4: 高技能人才 "符合下列条件之一", years of work after the certificate -------------------------

def test_a_senior_technician_who_holds_technician_may_apply_for_engineer(quote):
    quote(M23, "且符合下列条件之一")
    quote(M23, "取得工程技术领域技师职业资格或职业技能等级后，从事工程技术技能工作满3年，可申报评审工程师职称")
    for level, years in (("junior", 2), ("intermediate", 3), ("deputy_senior", 4)):
        result = check({**HIGH_SKILL23, "skill_level": "senior_technician", "level": level, "skill_work_years": years})
        assert result["verdict"] == "conditional", level
    short = check({**HIGH_SKILL23, "skill_level": "senior_technician", "skill_work_years": 2.9})
    assert short["verdict"] == "ineligible" and _reason_clauses(short) == ["c3-2-2"]


def test_the_years_asked_are_years_of_engineering_skill_work_after_the_certificate(quote):
    quote(M23, "取得工程技术领域高级技师职业资格或职业技能等级后，从事工程技术技能工作满4年，可申报评审高级工程师职称")
    question = rulebook().question["skill_work_years"]
    assert "从事工程技术技能工作" in question["text"] and "不是证书取得了多久" in question["hint"]
    # Without those years nothing is decided: the question is asked, no certificate age stands in for it.
    result = check({**HIGH_SKILL23, "skill_work_years": None})
    assert result["needs"] == ["skill_work_years"] and result["verdict"] == "conditional"
    assert "skill_certified_on" not in rulebook().question
    # Holding only a lower level than the title's own level does rule the title out.
    lower = check({**HIGH_SKILL23, "skill_level": "senior_worker", "skill_work_years": 10})
    assert lower["verdict"] == "ineligible" and _reason_clauses(lower) == ["c3-2-2"]


# --- 5: 计算机 "高级" read as 副高级, 正高级 left to who decides ------------------------------------

def test_computer_exclusion_reads_gaoji_as_deputy_senior_and_is_silent_on_senior(quote):
    quote(M23, "计算机专业高级、中级、初级，通信、船舶、风景园林及林业专业中级、初级等“以考代评”的职称，船舶专业正高级")
    for level in ("junior", "intermediate", "deputy_senior"):
        result = check({**BASE23, "specialty": "计算机", "level": level, "current_title_level": level})
        assert result["verdict"] == "ineligible" and _reason_clauses(result) == ["c1-3"], level
    senior = check({**BASE23, "specialty": "计算机", "level": "senior", "current_title_level": "senior"})
    assert senior["verdict"] == "conditional"
    silent = next(r for r in senior["reasons"] if r["clause"] == "c1-3")
    assert "未作规定" in silent["text"] and silent["decided_by"] and silent["about"] == "scope"
    assert not senior["scope_established"] and not _claims_scope(senior)
    assert "由评委会组建单位" in senior["verdict_label"]


# --- 6: 2023 has no exclusion of 机关 staff or 公务员 ----------------------------------------------

def test_2023_government_organ_staff_are_not_ruled_out(quote, policy):
    quote(B25, "公务员（含参照公务员法管理的人员）、离退休人员（从审批机关审批的退休时间起计算），以及处于职称申报评审影响期内的人员，不得申报参加专业技术人员职称评审")
    assert "公务员" not in policy.notices[M23].source_text
    # The two general regulations appear in 2023 only in 六（六）, as the basis for handling violations:
    quote(M23, "对违反有关规定的，按《职称评审管理暂行规定》")
    # so no document the notice names decides it; the committee that accepts applications does.
    quote(M23, "评委会组建单位按规定的范围、权限和程序受理申报材料并做好登记")
    result = check({**BASE23, "employer": "government_organ"})
    assert result["verdict"] == "conditional"
    assert not {"rsbl-40", "yrsf-2021-25"} & {d["id"] for d in result["deferred_to"]}
    assert "由评委会组建单位" in result["verdict_label"]
    assert any("未作规定" in r["text"] and r["clause"] == "c5-2" for r in result["reasons"])
    assert check({**BASE25, "employer": "government_organ"})["verdict"] == "ineligible"


# --- 7: route steps keep their caveats -----------------------------------------------------------

def test_2023_commissioned_review_passes_unit_publicity(quote):
    quote(M23, "各单位应将拟推荐人员的《重庆市职称申报综合情况（公示）表》（可系统导出打印）和有关材料在本单位公开场所集中公示不少于5个工作日")
    quote(M23, "未经公示的材料不得补报")
    route = check({**BASE23, "employer": "external_in_chongqing"})["route"]
    assert [s["role"] for s in route["steps"]] == ["applicant", "employer", "committee"]
    assert "公示" in route["steps"][1]["action"] and route["steps"][1]["clause"] == "c5-3-1"
    assert "未经公示的材料不得补报" in route["steps"][-1]["note"]


def test_2025_city_level_agency_reports_straight_to_the_committee(quote):
    quote(B25, "区县主管部门（人事代理机构）登录服务平台审核后报送区县职改部门")
    quote(B25, "区县职改部门、市级主管部门（人事代理机构）、市外单位驻渝最高管理机构登录服务平台审核后报送评委会")
    for employer in ("private", "freelancer"):
        route = check({**BASE25, "employer": employer, "archive_location": "chongqing", "workplace_in_chongqing": True,
                       "insurance_months": 12, "district": "渝中区"})["route"]
        agency = next(s for s in route["steps"] if s["role"] == "personnel_agency")
        district = next(s for s in route["steps"] if s["role"] == "district_office")
        assert "市级主管部门（人事代理机构）" in agency["note"] and agency["note"].endswith("（四（二）3.（3））。")
        assert "直接" not in agency["note"]      # the notice does not say 直接
        assert district["only_if"] == "人事代理机构为区县人事代理机构时"


# --- 8: allowances carry their conditions and exceptions -----------------------------------------

def test_allowances_depend_on_their_unasked_conditions(quote):
    quote(B25, "学历、资历符合选派管理规定有关职称晋升政策的")
    quote(B25, "除国家“以考代评”“考评结合”、重庆市无评审权限以及国家和重庆市实施评审指标总量控制的序列和专业外，申报副高级职称的，可提前2年，学历放宽到大专")
    quote(B25, "专业技术人员取得文件所列对应职业资格，可凭职业资格证书申报相应系列（专业）高一级职称")
    result = check({**BASE25, "level": "deputy_senior", "aid_service_years": 2, "engineering_professional_master": True})
    by_id = {a["id"]: a for a in result["allowances"]}
    aid = by_id["aid_service"]
    assert aid["status"] == "depends_on_conditions"
    assert "学历、资历符合选派管理规定有关职称晋升政策" in aid["unconfirmed_conditions"]
    early = next(e for e in aid["effects"] if "提前2年" in e["text"])
    assert "总量控制的序列和专业" in early["exceptions"]
    assert by_id["qualification_correspondence"]["status"] == "depends_on_conditions"
    assert by_id["engineering_professional_master"]["status"] == "applies"
    assert by_id["no_uniform_language_computer_exam"]["status"] == "applies"


# --- 9: a path the notice never mentions is "not addressed", not offered ------------------------

def test_2025_never_mentions_multi_evaluation_or_transfer(policy):
    source = policy.notices[B25].source_text
    assert "多评" not in source and "转评" not in source
    path = check({**BASE25, "path": "multi_evaluation"})["path"]
    assert path["status"] == "not_addressed" and path["offered"] is False
    normal = check(BASE25)["path"]
    assert normal["status"] == "offered" and "未提及转评" in normal["note"]


# --- 11: the office directory names its source -----------------------------------------------------

def test_a_2023_office_says_it_comes_from_the_2025_annex(quote, policy):
    quote(B25, "附件：重庆市区县（自治县）职称改革办公室通讯录")
    assert policy.offices_source == f"{B25}#a1"
    route = check({**BASE23, "employer": "district_institution", "district": "黔江区"})["route"]
    step = next(s for s in route["steps"] if s.get("office"))
    assert step["office_source"]["doc_number"] == "渝大数据发〔2025〕128号"
    assert step["office_source"]["clause"] == "a1" and step["office_source"]["url"] == f"notices/{B25}/#a1"


# --- 12: whole specialty names --------------------------------------------------------------------

def test_specialties_are_matched_as_whole_names(quote):
    quote(M23, "数字技术、网信、工业互联网及智能制造、绿色低碳、应急管理尚未开展首批认定的专业，不纳入本次申报范围")
    assert check({**BASE23, "specialty": "工业互联网及智能制造"})["verdict"] == "ineligible"
    assert check({**BASE23, "specialty": "工业互联网及智能制造专业"})["verdict"] == "ineligible"
    for partial in ("智能制造装备", "工业互联网", "计算机应用技术"):
        result = check({**BASE23, "specialty": partial, "level": "junior"})
        assert result["verdict"] == "conditional", partial
        assert "cq-title-conditions-index" in [d["id"] for d in result["deferred_to"]]
        assert any(f"申报专业“{partial}”含" in r["text"] for r in result["reasons"]), partial
    assert check({**BASE23, "specialty": "机械"})["verdict"] == "conditional"


# --- 13: committee names and the printed hotline ------------------------------------------------

def test_committee_names_as_the_notices_print_them(quote, policy):
    quote(M23, "提交至重庆市工程技术正高级职称评审委员会（专项）审核")
    committee23 = check(BASE23)["notice"]["committee"]
    assert committee23["name"] == "重庆市工程技术正高级职称评审委员会（专项）" and not committee23["name_is_composed"]
    committee25 = check(BASE25)["notice"]["committee"]
    assert committee25["name_is_composed"]
    assert committee25["name"] not in policy.notices[B25].source_text


def test_the_hotline_is_shown_and_dialled_as_printed(quote):
    quote(M23, "职称政策咨询服务电话:023-12333")
    contacts = check(BASE23)["contacts"]
    hotline = next(c for c in contacts if c["id"] == "policy_hotline")
    assert hotline["phones"] == [{"display": "023-12333", "tel": "tel:+862312333", "kind": "hotline"}]
    assert hotline["clause_label"] and hotline["url"] == f"notices/{M23}/#contacts"


# --- issue 10: the route's first step links to the platform the notice names -------------------

def test_the_first_route_step_links_to_the_platform_the_notice_names(quote):
    quote(B25, "2.通过全市统一平台网报端口直接登录（网址：https://ggfw.rlsbj.cq.gov.cn/cqzyjsrcw/positional-portal-web/）")
    quote(M23, "申报人、审核人请登录重庆市专业技术人员服务平台（<http://ggfw.rlsbj.cq.gov.cn/cqzyjsrcw/positional-portal-web/public/cert/toUserPage>")
    for answers, url in ((BASE25, "https://ggfw.rlsbj.cq.gov.cn/cqzyjsrcw/positional-portal-web/"),
                         (BASE23, "http://ggfw.rlsbj.cq.gov.cn/cqzyjsrcw/positional-portal-web/public/cert/toUserPage")):
        result = check(answers)
        first = result["route"]["steps"][0]
        assert first["role"] == "applicant" and first["link"]["url"] == url
        route = next(s for s in result["display"]["sections"] if s["id"] == "route")
        assert route["items"][0]["link"]["url"] == url
        assert any(url in line["text"] for line in route["items"][0]["details"])   # the ticket shows it too
