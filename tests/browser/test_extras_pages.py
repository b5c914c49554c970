"""FAQ, glossary, notice comparison and the timeline's 加入日历 link, as a visitor at 360 px sees them."""
from __future__ import annotations

import re
import urllib.request
from urllib.parse import urljoin, urlsplit


def _ids_of(url: str, cache: dict) -> set[str]:
    page_url = url.split("#")[0]
    if page_url not in cache:
        with urllib.request.urlopen(page_url) as response:
            cache[page_url] = set(re.findall(r'\bid="([^"]+)"', response.read().decode("utf-8")))
    return cache[page_url]


def assert_clause_links_resolve(page) -> int:
    """Every clause link on the page points at an anchor that exists on its notice page."""
    hrefs = page.eval_on_selector_all("article a.yzt-cite", "els => els.map(e => e.href)")
    cache: dict = {}
    for href in hrefs:
        fragment = urlsplit(href).fragment
        assert fragment and fragment in _ids_of(href, cache), f"broken clause link {href}"
    return len(hrefs)


def test_faq_answers_cite_working_clause_links(open_page, policy):
    page = open_page("faq/")
    questions = page.locator("h2.yzt-faq-q")
    assert questions.count() >= 20
    assert assert_clause_links_resolve(page) >= questions.count()
    # Following an answer's citation lands on that clause of the notice.
    fee = policy.notices["2025-bigdata"].fees
    link = page.locator(f"a.yzt-cite[href$='notices/2025-bigdata/#{fee['clause']}']").first
    link.click()
    page.wait_for_url(re.compile(rf"notices/2025-bigdata/#{fee['clause']}$"))
    assert page.locator(f"[id='{fee['clause']}']").is_visible()
    assert f"{fee['grades'][0]['yuan']}元/人" in page.locator(f"[id='{fee['clause']}']").inner_text()


def test_glossary_lists_terms_with_synonyms_and_clause_links(open_page, policy):
    from site_build.faq_glossary_files import load_glossary

    page = open_page("glossary/")
    for term in load_glossary(policy):
        entry = page.locator(f"[id='term-{term['id']}']")
        assert entry.inner_text() == term["term"]
        section = entry.locator("xpath=following-sibling::p[contains(@class,'yzt-term-says')][1]")
        assert term["says"][0] in section.inner_text()
    assert assert_clause_links_resolve(page) > 0


def test_compare_page_sets_the_notices_side_by_side(open_page, policy):
    page = open_page("compare/")
    header = page.locator("table.yzt-compare").first.locator("thead th")
    assert header.count() == 1 + len(policy.notices)
    for notice in policy.notices.values():
        assert notice.meta["short_title"] in page.locator("table.yzt-compare").first.inner_text()
    fee_row = page.locator("tr", has=page.locator("th", has_text="评审费（高级）"))
    assert fee_row.locator(".yzt-same-mark").count() == 1       # both notices charge the same
    scope_row = page.locator("tr", has=page.locator("th", has_text="申报范围")).first
    assert scope_row.locator(".yzt-diff-mark").count() == 1
    assert assert_clause_links_resolve(page) > 0


def test_timeline_offers_each_calendar(open_page, site_url, policy):
    page = open_page("timeline/")
    for notice_id in policy.notices:
        link = page.locator(f"a[href$='calendar/{notice_id}.ics']")
        assert link.inner_text() == "加入日历"
        with urllib.request.urlopen(urljoin(page.url, link.get_attribute("href"))) as response:
            assert response.read().startswith(b"BEGIN:VCALENDAR")
