"""The navigator site in Chromium at 360 px: what a visitor or a 12333 agent actually sees."""
from __future__ import annotations

import datetime as dt

import pytest

# Every page type at 360 px and 1280 px (sideways scrolling, local-only requests, axe-core,
# screenshots): tests/browser/test_layout.py.


def _china(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


@pytest.mark.parametrize("moment, expected", [
    ("2023-09-01T09:00:00+08:00", {"2023-manufacturing": "未开始", "2025-bigdata": "未开始"}),
    ("2023-10-13T23:30:00+08:00", {"2023-manufacturing": "进行中", "2025-bigdata": "未开始"}),
    ("2023-10-14T00:00:00+08:00", {"2023-manufacturing": "已截止", "2025-bigdata": "未开始"}),
    ("2025-11-12T10:00:00+08:00", {"2023-manufacturing": "已截止", "2025-bigdata": "进行中"}),
    ("2026-11-23T10:00:00+08:00", {"2023-manufacturing": "已截止", "2025-bigdata": "已截止"}),
])
def test_start_page_shows_both_notices_with_status_from_the_visitors_clock(page, site_url, policy, moment, expected):
    page.clock.set_fixed_time(_china(moment))
    page.goto(site_url)
    for notice_id, status in expected.items():      # the two notices whose dates these moments straddle
        notice = policy.notices[notice_id]
        card = page.locator(f"#notice-{notice_id}")
        assert card.is_visible()
        assert notice.meta["short_title"] in card.inner_text()
        assert notice.meta["doc_number"] in card.inner_text()
        assert card.locator(".yzt-badge").inner_text() == status
    if set(expected.values()) == {"已截止"}:
        assert page.get_by_text("下一轮通知发布前，本站页面仍可作为参考").count() == len(policy.notices)
    for label in ("申报路径", "评审费", "区县职改办电话"):
        assert page.get_by_role("link", name=label, exact=True).first.is_visible()
    text = page.locator("article").inner_text()
    assert "12333" in text and "88612333" in text


def test_timeline_badges_follow_the_clock(page, site_url, policy):
    page.clock.set_fixed_time(_china("2025-09-22T23:59:00+08:00"))
    page.goto(site_url + "timeline/")
    badge = page.locator("[id='2025-bigdata-online_application'] .yzt-badge")
    assert badge.inner_text() == "进行中"
    page.clock.set_fixed_time(_china("2025-09-23T00:00:00+08:00"))
    page.reload()
    assert badge.inner_text() == "已截止"


@pytest.mark.parametrize("query, field", [("万州", "name"), ("58520665", "phones"), ("68600935", "phones"),
                                          ("忠县", "name"), ("409199", "postcode")])
def test_directory_filter_leaves_exactly_the_matching_office(open_page, policy, query, field):
    wanted = [o for o in policy.offices
              if query in (" ".join(o[field]) if isinstance(o[field], list) else str(o[field]))]
    assert len(wanted) == 1, "the query should name one office in the data"
    page = open_page("offices/")
    page.get_by_label("按区县名、电话、地址或邮编筛选").fill(query)
    rows = page.locator("#offices-table tbody tr:visible")
    assert rows.count() == 1
    from policy_build.urls import office_anchor
    assert rows.first.get_attribute("id") == office_anchor(wanted[0])
    assert "找到 1 个" in page.locator("[data-yzt-filter-count]").inner_text()
    page.get_by_label("按区县名、电话、地址或邮编筛选").fill("")
    assert page.locator("#offices-table tbody tr:visible").count() == len(policy.offices)


def test_clause_link_scrolls_to_that_clause(open_page):
    page = open_page("fees/")
    link = page.locator("a.yzt-cite[href='../notices/2025-bigdata/#c6-5']").first
    link.click()
    page.wait_for_url("**/notices/2025-bigdata/#c6-5")
    clause = page.locator("[id='c6-5']")
    page.wait_for_function("() => { const r = document.getElementById('c6-5').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight / 2; }")
    assert "420元/人" in clause.inner_text()
    assert clause.locator("a.headerlink").is_visible()
