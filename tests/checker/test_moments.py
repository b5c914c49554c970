"""Times as the notice prints them, and one meaning of status (checker/moments.py)."""

from __future__ import annotations

import datetime as dt

from checker import check, moments
from checker.text import render

B23 = {"notice": "2023-manufacturing", "path": "multi_evaluation", "level": "intermediate", "specialty": "机械",
       "current_title_series": "other", "current_title_level": "intermediate", "employer": "city_institution"}


def test_2023_deadline_times_are_shown_as_printed():
    # 211号 二、："2023年9月4—15日18:00前……9月26日18:00前……10月12—13日24:00前"
    text = render(check({**B23, "today": "2023-09-10"}))
    assert "2023年9月4日—9月15日 18:00前" in text
    assert "2023年9月26日 18:00前" in text
    assert "2023年10月12日—10月13日 24:00前" in text


def test_2025_review_keeps_the_notices_month_precision():
    # 128号 三、："评审时间：12月"
    text = render(check({"notice": "2025-bigdata", "today": "2025-09-10"}))
    assert "评审：2025年12月（未开始）" in text and "2025-12-01" not in text


def test_24_00_is_the_next_days_first_instant():
    end = moments.instant("2023-10-13", "24:00", is_end=True)
    assert end == dt.datetime(2023, 10, 14, tzinfo=moments.CHINA)
    assert moments.status_code(end - dt.timedelta(minutes=1), None, end) == moments.OPEN
    assert moments.status_code(end, None, end) == moments.CLOSED


def test_status_is_by_instant_18_00_closes_that_evening():
    start, end = moments.bounds("2023-09-04", None, "2023-09-15", "18:00")
    at = dt.datetime(2023, 9, 15, 17, 59, tzinfo=moments.CHINA)
    assert moments.status_code(at, start, end) == moments.OPEN
    assert moments.status_code(at + dt.timedelta(minutes=1), start, end) == moments.CLOSED


def test_the_banner_says_when_a_closed_round_ended():
    display = check({**B23, "today": "2026-11-28"})["display"]
    assert display["round"]["state"] == "closed"
    assert "2023年10月12日—10月13日 24:00前" in display["round"]["text"]
