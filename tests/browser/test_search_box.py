"""The header search box answers the public query set (tests/search_queries.yaml) as typed.

Acceptance (issue 19): for every query the first result answers it: its section holds the query's
fact and what the reader sees of it (title and snippet) shows the fact. Snippets show page text,
never keyword lists. One page session for the whole set (the index loads once, as for a visitor
who searches repeatedly).
"""
from __future__ import annotations

from search_steps import KEYWORD_DUMPS, section_holds, section_text, type_query
from policy_build.loader import load_policy
from site_build.finish.search_eval import holds, load_queries, squeeze

NOTICE_NAMES = [n.meta["short_title"] for n in load_policy().notices.values()]

BOX = "input.md-search__input"
RESULTS = "#yzt-search-results"


def snippet_parts(snippet: str) -> list[str]:
    """The section's own sentences in a snippet: one part per notice (joined by ／), each maybe named
    by its notice ("2025年…：") and cut with … at either end."""
    parts = []
    for part in snippet.split(" ／ "):
        part = part.strip().strip("…")
        name, colon, rest = part.partition("：")
        parts.append(rest.strip("…") if colon and any(name == n for n in NOTICE_NAMES) else part)
    return parts


def results_for(page, query: str) -> list[dict]:
    type_query(page, BOX, query)
    page.wait_for_function("q => document.querySelector('#yzt-search-results').dataset.query === q", arg=query)
    return page.eval_on_selector_all(
        f"{RESULTS} > .md-search-result__item > a",
        "links => links.map(a => ({href: a.href, title: a.querySelector('h1')?.textContent || '',"
        " snippet: a.querySelector('.yzt-search-snippet')?.textContent || ''}))")


def test_the_query_set_is_answered_by_the_first_result(open_page, site_url, only_local):
    queries = load_queries()
    page = open_page("")
    page.locator("label.md-header__button[for='__search']").click()
    answered, unanswered, dumps = 0, [], []
    for query in queries:
        results = results_for(page, str(query["q"]))[:3]
        first = results[0] if results else {"href": "", "title": "", "snippet": ""}
        if results and section_holds(first["href"], site_url, query["fact"]) and \
                holds(f"{first['title']}\n{first['snippet']}", query["fact"]):
            answered += 1
        else:
            unanswered.append((query["q"], query["fact"], [r["href"] for r in results], first["snippet"]))
        for r in results:
            if any(word in r["snippet"] for word in KEYWORD_DUMPS) or \
                    not all(squeeze(part) in squeeze(section_text(r["href"], site_url)) for part in snippet_parts(r["snippet"])):
                dumps.append((query["q"], r["href"], r["snippet"]))
    print(f"search box: {len(queries)} queries, the first result shows the fact for {answered}")
    assert not unanswered, f"first result does not show the fact (query, fact, results, snippet): {unanswered}"
    assert not dumps, f"snippets that are not the section's own text: {dumps[:5]}"
    assert not page.console_errors, page.console_errors
    only_local(page)


def test_the_index_is_fetched_only_once_the_box_is_used(open_page):
    page = open_page("checker/")
    page.wait_for_timeout(300)
    assert not [u for u in page.requests if u.endswith("/search/index.json")], "index fetched at page load"
    page.locator("label.md-header__button[for='__search']").click()
    page.keyboard.type("万州", delay=20)
    page.wait_for_function("() => document.querySelector('#yzt-search-results').dataset.query === '万州'")
    assert len([u for u in page.requests if u.endswith("/search/index.json")]) == 1


def test_enter_opens_the_first_answer(open_page, site_url):
    page = open_page("")
    page.locator("label.md-header__button[for='__search']").click()
    results_for(page, "5852")
    page.keyboard.press("Enter")
    page.wait_for_url("**/offices/#office-01")
    assert "023-58520665" in page.locator("#office-01").inner_text()


def test_open_results_pass_axe(open_page, axe):
    page = open_page("")
    page.locator("label.md-header__button[for='__search']").click()
    results_for(page, "评中级要多少钱")
    assert page.locator(f"{RESULTS} mark").count() > 0, "query words are highlighted"
    assert axe(page) == []
