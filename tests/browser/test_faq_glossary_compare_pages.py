"""FAQ, glossary, notice comparison and the timeline's 加入日历 link, as a visitor at 360 px sees them."""
from __future__ import annotations

import datetime as dt
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
    from site_build.generate.faq_glossary_files import load_glossary

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


def _last_moment(notice) -> dt.datetime:
    """When the notice's last timeline event is over (read here from the data, independently)."""
    china = dt.timezone(dt.timedelta(hours=8))
    moments = []
    for event in notice.timeline["events"]:
        point = event.get("end") or event["start"]
        day = dt.date.fromisoformat(str(point["date"]))
        if point.get("time"):
            h, m = map(int, point["time"].split(":"))
            moments.append(dt.datetime.combine(day, dt.time(0), china) + dt.timedelta(hours=h, minutes=m))
        else:
            moments.append(dt.datetime.combine(day + dt.timedelta(days=1 if event.get("end") else 0), dt.time(0), china))
    return max(moments)


def test_timeline_offers_a_calendar_only_while_an_event_is_ahead(page, site_url, policy):
    for notice_id, notice in policy.notices.items():
        last = _last_moment(notice)
        page.clock.set_fixed_time(last - dt.timedelta(minutes=1))      # the last event not yet over
        page.goto(site_url + "timeline/")
        link = page.locator(f"a[href$='calendar/{notice_id}.ics']")
        assert link.is_visible() and link.inner_text() == "加入日历"
        with urllib.request.urlopen(urljoin(page.url, link.get_attribute("href"))) as response:
            assert response.read().startswith(b"BEGIN:VCALENDAR")
        page.clock.set_fixed_time(last)                                 # every event over
        page.goto(site_url + "timeline/")
        assert not link.is_visible()
        offer = page.locator(f"[id='{notice_id}'] ~ .yzt-calendar-offer").first
        assert "不再提供“加入日历”" in offer.inner_text()


def test_with_todays_clock_no_calendar_is_offered_and_the_page_says_why(open_page, policy):
    # Today (2026-11-28 on this machine's clock) both notices' rounds are over.
    page = open_page("timeline/")
    links = page.locator("a[href$='.ics']")
    assert links.count() == len(policy.notices)                   # in the page, not shown
    assert not [link for link in links.all() if link.is_visible()]
    assert page.get_by_text("本通知的各环节都已过去").count() == len(policy.notices)
