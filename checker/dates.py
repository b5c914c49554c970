"""Dates: parsing answers and counting years to a notice's cut-off."""

from __future__ import annotations

import datetime as dt
import re

from .moments import day_text as chinese_date  # noqa: F401  (one Chinese date text: moments)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text) -> dt.date | None:
    """A YYYY-MM-DD string as a date; None if it is not one (or is impossible, e.g. 2023-02-30)."""
    if not isinstance(text, str) or not _ISO_DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def latest_date_for_full_years(cutoff: dt.date, years: int) -> dt.date:
    """满N年 at the cut-off holds for a certificate dated on or before this day."""
    return years_before(cutoff, years)


def full_years_at_cutoff(certified_on: dt.date, cutoff: dt.date, years: int) -> bool:
    return certified_on <= latest_date_for_full_years(cutoff, years)


