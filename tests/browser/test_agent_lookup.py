"""坐席模式 quick lookup: the site's own search, shown as answer cards holding whole sections.

Same public query set as the header search box (tests/search_queries.yaml), plus what agents
type: a district in pinyin or initials, a phone fragment, a bare level or 多少钱. One page session.
"""
from __future__ import annotations

from search_steps import KEYWORD_DUMPS, type_query
from site_build.finish.search_eval import holds, load_queries

AGENT_QUERIES = [
    {"q": "wanzhou", "fact": "023-58520665"},
    {"q": "wz", "fact": "023-58520665"},
    {"q": "万州区职改办电话", "fact": "023-58520665"},
    {"q": "5852", "fact": "023-58520665"},
    {"q": "中级", "fact": "中级240元"},
    {"q": "多少钱", "fact": "中级240元"},
]


def cards_for(page, query: str) -> list[str]:
    type_query(page, "#agent-lookup", query)
    page.wait_for_function("q => document.getElementById('agent-lookup-results').dataset.query === q", arg=query)
    return page.locator("#agent-lookup-results > .yzt-lookup-card").all_inner_texts()


def test_the_cards_answer_the_query_set(open_page, only_local):
    """Same bar as the header box: the first card answers every query of the set and every one
    of the agents' own."""
    page = open_page("agent/")
    misses, dumps = [], []
    for query in [*load_queries(), *AGENT_QUERIES]:
        cards = cards_for(page, str(query["q"]))
        if not (cards and holds(cards[0], query["fact"])):
            misses.append((query["q"], query["fact"], [text[:40] for text in cards]))
        dumps += [(query["q"], text[:60]) for text in cards if any(word in text for word in KEYWORD_DUMPS)]
    assert not misses, f"the first card does not hold the answer: {misses}"
    assert not dumps, dumps
    assert not page.console_errors, page.console_errors
    only_local(page)


def test_enter_moves_to_the_first_card(open_page, policy):
    page = open_page("agent/")
    page.keyboard.press("/")
    page.keyboard.type("5852", delay=20)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.classList.contains('yzt-lookup-card')")
    office = policy.office("万州区")
    text = page.evaluate("document.activeElement.innerText")
    assert office["address"] in text and office["postcode"] in text and "023-58520665" in text


def test_the_index_waits_for_the_lookup(open_page, axe):
    page = open_page("agent/")
    assert not [u for u in page.requests if u.endswith("/search/index.json")], "index fetched at page load"
    page.keyboard.press("/")
    page.keyboard.type("评审费多少钱", delay=20)
    page.wait_for_function("() => document.getElementById('agent-lookup-results').dataset.query === '评审费多少钱'")
    assert len([u for u in page.requests if u.endswith("/search/index.json")]) == 1
    assert page.locator("#agent-lookup-results mark").count() > 0, "query words are highlighted"
    assert axe(page) == []


def test_every_card_of_a_notice_names_it(open_page, policy):
    """Issue 19: "缴费" gave two cards both titled 何时、怎样缴费; each now names its notice's 文号."""
    page = open_page("agent/")
    cards_for(page, "缴费")
    titles = page.locator("#agent-lookup-results .yzt-agent-card__title").all_inner_texts()
    status = page.locator("#agent-lookup-status").inner_text()
    print(f"\n缴费: {titles}")
    numbers = [n.meta["doc_number"] for n in policy.newest_first()]
    payment = [t for t in titles if t.startswith("何时、怎样缴费")]
    assert len(payment) == 2 and len(set(payment)) == 2, titles
    assert sorted(n for t in payment for n in numbers if n in t) == sorted(numbers)
    assert all(t in status for t in payment)
