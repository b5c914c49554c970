"""questions.yaml and rules.yaml agree: the form can ask everything the checker
needs, option values are exactly the contract's, and rules only test known answers."""

from __future__ import annotations

import pytest

from checker import check
from checker.conditions import eval_when
from checker.rulebook import rulebook
from notice_folders import notice_folders
from golden import load_cases

CONTRACT = {
    "notice": notice_folders(),       # one option per policy_data/notices/<id>/ folder
    "path": ["normal", "multi_evaluation", "high_skill"],
    "level": ["junior", "intermediate", "deputy_senior", "senior"],
    "employer": ["city_institution", "district_institution", "city_soe", "district_soe", "private",
                 "self_employed_military", "freelancer", "external_in_chongqing", "government_organ"],
    "archive_location": ["chongqing", "elsewhere"],
    "agency_level": ["district", "city"],
    "residency": ["mainland", "hk_macao_taiwan", "foreign_permanent", "foreign_other"],
    "skill_level": ["senior_worker", "technician", "senior_technician"],
    "current_title_series": ["none", "engineering", "other"],
    "current_title_level": ["junior", "intermediate", "deputy_senior", "senior"],
}
TYPES = {"specialty": "text", "exam_passed": "bool", "workplace_in_chongqing": "bool", "insurance_months": "int",
         "archive_months_in_chongqing": "int", "civil_servant": "bool", "retired": "bool",
         "in_penalty_period": "bool", "frontline_post": "bool",
         "annual_reviews_passed": "bool", "aid_service_years": "number", "rural_service_years": "number",
         "engineering_professional_master": "bool", "today": "date", "district": "enum",
         "big_data_work": "bool", "concurrent_engineering_work": "bool", "skill_work_years": "number"}


def test_every_contract_key_has_a_question_with_exact_options():
    book = rulebook()
    assert set(book.question) == set(CONTRACT) | set(TYPES)
    for key, values in CONTRACT.items():
        assert sorted(o["value"] for o in book.question[key]["options"]) == sorted(values), key
    for key, kind in TYPES.items():
        assert book.question[key]["type"] == kind, key


def test_notice_options_are_the_folders_newest_first_with_their_doc_numbers(policy):
    """A new notice folder is offered by the checker without editing questions.yaml."""
    options = rulebook().question["notice"]["options"]
    assert [o["value"] for o in options] == [n.id for n in policy.newest_first()]
    for option, notice in zip(options, policy.newest_first()):
        assert notice.meta["doc_number"] in option["label"] and notice.meta["short_title"] in option["label"]


def test_district_options_are_the_41_offices():
    book = rulebook()
    assert [o["value"] for o in book.question["district"]["options"]] == [o["name"] for o in book.data["offices"]]
    assert len(book.question["district"]["options"]) == 41


def test_every_question_has_chinese_text_hint_and_resolved_clause_refs():
    for q in rulebook().questions:
        assert q["text"] and q["hint"] and q["label"]
        for ref in q["refs"]:
            assert ref["url"] == f"notices/{ref['notice']}/#{ref['clause']}"


@pytest.mark.parametrize("case", load_cases(), ids=lambda c: c["name"])
def test_needed_questions_are_shown_by_the_form(case):
    """Whatever the checker lists under `needs`, the form shows given the same answers."""
    book = rulebook()
    answers = {k: v for k, v in case["answers"].items() if v is not None}
    for key in check(case["answers"])["needs"]:
        shown, _ = eval_when(book.question[key].get("show_when"), answers)
        assert shown is True, key


def test_answering_a_need_removes_it():
    result = check({"notice": "2025-bigdata", "today": "2026-11-23"})
    assert "employer" in result["needs"]
    after = check({"notice": "2025-bigdata", "today": "2026-11-23", "employer": "private"})
    assert "employer" not in after["needs"]
    assert after["needs"][:0] == [] and "archive_location" in after["needs"]
