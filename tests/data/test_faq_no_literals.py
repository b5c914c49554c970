"""FAQ answers hold no policy facts of their own: numbers, dates and phones come from policy_data.

faq.yaml answers are Jinja2 templates. The test parses them with the same environment the
site renders them with and inspects the syntax tree: literal text may hold no digit, no
Chinese-numeral quantity (五个工作日, 三年) and no date; expressions may hold no number and
no string with a digit except a notice id or a clause id (the keys facts are looked up by).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from jinja2 import nodes

from checker import phrasing

from site_build.generate.faq import answer_environment

FAQ = Path(__file__).resolve().parents[2] / "policy_data" / "faq.yaml"
DIGIT = re.compile(r"[0-9０-９]")
# A Chinese numeral used as a quantity, date or count: 五个工作日, 三年, 十二月, 第三次, 两次.
CHINESE_QUANTITY = re.compile(r"(?<![哪某每同])[零〇一二两三四五六七八九十百千]+\s*(个工作日|个月|年|月|日|天|元|次|位|号|周|小时)")
CLAUSE_ID = re.compile(r"^(preamble|contacts|annexes|signature|[ca]\d+(-n?\d+)*)$")


def literal_facts(template_source: str, notice_ids) -> list[str]:
    """Every literal number, date or phone in one answer template, as a readable finding."""
    tree = answer_environment().parse(template_source)
    found = []
    for data in tree.find_all(nodes.TemplateData):
        for pattern in (DIGIT, CHINESE_QUANTITY):
            for match in pattern.finditer(data.data):
                start = max(0, match.start() - 12)
                found.append(f"text …{data.data[start:match.end() + 12]!r}")
    for const in tree.find_all(nodes.Const):
        value = const.value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            found.append(f"number {value!r} in an expression")
        elif isinstance(value, str) and DIGIT.search(value) and not _is_key(value, notice_ids):
            found.append(f"string {value!r} in an expression")
    return found


def _is_key(value: str, notice_ids) -> bool:
    notice_id, sep, clause_id = value.partition("#")
    if sep:
        return notice_id in notice_ids and bool(CLAUSE_ID.match(clause_id))
    return value in notice_ids or bool(CLAUSE_ID.match(value))


def faq_source() -> list[dict]:
    return yaml.safe_load(FAQ.read_text(encoding="utf-8"))["questions"]


def notice_ids() -> set[str]:
    return {p.name for p in (FAQ.parent / "notices").iterdir() if p.is_dir()}


@pytest.mark.parametrize("question", faq_source(), ids=lambda q: q["id"])
def test_answer_has_no_literal_policy_fact(question):
    assert literal_facts(question["answer"], notice_ids()) == [], question["id"]
    for text in [question["question"], *question.get("topics", [])]:
        assert not DIGIT.search(text) and not CHINESE_QUANTITY.search(text), text


def test_the_check_catches_typed_facts():
    ids = notice_ids()
    assert literal_facts("评审费420元/人", ids)
    assert literal_facts("公示不少于五个工作日", ids)
    assert literal_facts("请拨打１２３３３", ids)
    assert literal_facts("{{ 420 }} 元", ids)
    assert literal_facts("{{ fee('2025-bigdata', '420') }}", ids)
    assert literal_facts("{% if x > 3 %}{% endif %}", ids)
    assert not literal_facts("{{ fee('2025-bigdata', '高级') }}（{{ cite('2025-bigdata', 'c6-5') }}）", ids)


def test_there_are_at_least_twenty_questions():
    assert len(faq_source()) >= 20


def faq_section(faq_page: str, question_id: str) -> str:
    """The rendered markdown of one question, up to the next question's heading."""
    return faq_page.split(f'id="faq-{question_id}"', 1)[1].split('<h2 class="yzt-faq-q"', 1)[0]


def test_every_answer_renders_with_clause_links_and_the_data_values(policy):
    """Rendered answers carry their clause links and the numbers the data holds."""
    from policy_build.rules_export import export_rules
    from site_build.generate import render_site

    faq_page = render_site(policy, export_rules(policy))["faq.md"]
    for question in faq_source():
        section = faq_section(faq_page, question["id"])
        assert 'class="yzt-cite" href="../notices/' in section, question["id"]
    bigdata = policy.notices["2025-bigdata"]
    fee_section = faq_section(faq_page, "fee_amount")
    for grade in bigdata.fees["grades"]:
        assert phrasing.fee_grade_text(grade) in fee_section       # the checker's words for a fee
    returned = faq_section(faq_page, "returned_submissions")
    third = next(r for r in bigdata.evidence["review_rules"] if r["id"] == "third_submission")
    assert f"第 {third['max_submissions']} 次" in returned
