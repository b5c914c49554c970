"""坐席模式 quick lookup: a district name, part of a phone number or a topic word jumps to its card."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("query, card", [
    ("万州", "agent-office-01"),
    ("5852", "agent-office-01"),
    ("缴费", "agent-faq-fee_amount"),
    ("截止", "agent-faq-deadlines"),
    ("档案", "agent-faq-archive_elsewhere"),
    ("公示", "agent-faq-publicity_days"),
    ("证书", "agent-faq-certificate"),
])
def test_lookup_lands_on_the_answer_card(open_page, only_local, query, card):
    page = open_page("agent/")
    page.keyboard.press("/")
    page.keyboard.type(query, delay=20)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == card
    assert page.locator(f"#{card}").is_visible()
    assert page.url.endswith("#" + card)
    only_local(page)


def test_office_card_shows_the_directory_entry(open_page, policy):
    page = open_page("agent/")
    page.keyboard.press("/")
    page.keyboard.type("5852", delay=20)
    page.keyboard.press("Enter")
    office = policy.office("万州区")
    card = page.locator("#agent-office-01")
    text = card.inner_text()
    assert office["address"] in text and office["postcode"] in text
    assert card.locator("a[href='tel:+862358520665']").inner_text() == "023-58520665"
    visible_cards = page.locator(".yzt-agent-card:visible").count()
    assert visible_cards == 1, "a phone fragment should leave only its office"


def test_fee_card_holds_the_fee_table(open_page, policy):
    page = open_page("agent/")
    page.keyboard.press("/")
    page.keyboard.type("缴费", delay=20)
    page.keyboard.press("Enter")
    text = page.locator("#agent-faq-fee_amount").inner_text()
    for notice in policy.notices.values():
        for grade in notice.fees["grades"]:
            assert f"{grade['grade']} {grade['yuan']} 元/人" in text
