"""Issue 19: a 市级人事代理机构 (e.g. a caller whose archive is at a 人才中心 run by the city) has a
route of its own. Both notices print one for it; before, the only choice was a district, and the
result kept asking for one although no district office takes part.

`quote(notice, sentence)` fails unless the notice prints the sentence (whitespace ignored).
"""
from __future__ import annotations

import re

import pytest

from checker import check
from checker.rulebook import rulebook

M23, B25 = "2023-manufacturing", "2025-bigdata"
FREELANCER = {"employer": "freelancer", "archive_location": "chongqing", "workplace_in_chongqing": True,
              "insurance_months": 24, "level": "junior", "path": "normal"}
CALL_25 = {"notice": B25, "big_data_work": True, **FREELANCER}
CALL_23 = {"notice": M23, "specialty": "机械", **FREELANCER, "path": "high_skill"}   # 2023: no 正常晋升


def test_the_form_offers_a_city_level_agency_where_an_agency_reports():
    question = rulebook().question["agency_level"]
    assert [o["value"] for o in question["options"]] == ["district", "city"]
    assert "市级人事代理机构" in next(o["label"] for o in question["options"] if o["value"] == "city")
    assert question["show_when"] == {"employer": ["private", "self_employed_military", "freelancer"],
                                     "archive_location": "chongqing"}


@pytest.mark.parametrize("base", [CALL_25, CALL_23], ids=[B25, M23])
@pytest.mark.parametrize("employer", ["freelancer", "private"])
def test_a_city_level_agency_reports_to_the_committee_with_no_district_office(quote, base, employer):
    if base["notice"] == B25:
        quote(B25, "区县主管部门（人事代理机构）登录服务平台审核后报送区县职改部门")
        quote(B25, "区县职改部门、市级主管部门（人事代理机构）、市外单位驻渝最高管理机构登录服务平台审核后报送评委会")
        clause = "c4-2-3-3"
    else:
        quote(M23, "区县人事代理机构负责所代理非公有制组织以及流动人员申报材料的审核工作，初审合格后，送区县人力社保局（职改办）审核")
        quote(M23, "市人事代理机构负责所代理非公有制组织以及流动人员申报材料的审核和呈报工作")
        clause = "c5-3-2-2"
    answers = {**base, "employer": employer, "agency_level": "city"}
    result = check(answers)
    route = result["route"]
    roles = [s["role"] for s in route["steps"]]
    assert "district_office" not in roles
    assert roles[-1] == "committee"
    agency = route["steps"][-2]
    assert agency["clause"] == clause and "市" in agency["actor"]
    assert "district" not in result["needs"]
    card = result["display"]["card"]
    assert card["office"] is None
    assert "不经区县职改办" in card["office_hint"] and agency["actor"] in card["office_hint"]
    # A district answered anyway changes nothing: no district office takes part in this route.
    assert check({**answers, "district": "渝中区"})["display"]["card"] == card


@pytest.mark.parametrize("base", [CALL_25, CALL_23], ids=[B25, M23])
def test_a_district_agency_or_an_unsure_caller_keeps_the_district_office(base):
    for extra in ({"agency_level": "district"}, {}):
        result = check({**base, **extra})
        assert "district_office" in [s["role"] for s in result["route"]["steps"]]
        assert "district" in result["needs"]
        office = check({**base, **extra, "district": "渝中区"})["display"]["card"]["office"]
        assert office and office["name"] == "渝中区"


def test_the_no_office_reason_names_only_a_body_the_notice_sends_to_the_committee(quote):
    quote(B25, "区县职改部门、市级主管部门（人事代理机构）、市外单位驻渝最高管理机构登录服务平台审核后报送评委会")
    card = check({"notice": B25, "employer": "external_in_chongqing"})["display"]["card"]
    assert card["office"] is None and "单位驻重庆最高管理机构" in card["office_hint"]
    # 2023 prints no step between the unit and the committee for 委托评审: no reason is made up.
    quote(M23, "在渝单位人员因工作需要委托我市评审职称的，应由其具有职称评审权限的上级主管部门出具委托评审函")
    card = check({"notice": M23, "employer": "external_in_chongqing"})["display"]["card"]
    assert card["office"] is None and card["office_hint"] is None
