"""Dates: parsing the date answers."""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text) -> dt.date | None:
    """A YYYY-MM-DD string as a date; None if it is not one (or is impossible, e.g. 2023-02-30)."""
    if not isinstance(text, str) or not _ISO_DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
