"""MkDocs hook (listed in mkdocs.yml `hooks:` after site_build/hooks.py): the extras pages.

Adds faq.md, glossary.md, compare.md, agent.md and calendar/<notice>.ics as generated files,
and puts a 加入日历 offer under each notice's heading on the timeline page (calendar_offer.py).
"""
from __future__ import annotations

import posixpath
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))

from mkdocs.structure.files import File  # noqa: E402

TIMELINE_PAGE = "timeline.md"
_calendar_offers: dict = {}     # notice id -> href -> offer HTML; set in on_files, read by on_page_markdown


def on_config(config, **kwargs):
    for watched in (REPO_ROOT / "policy_data", REPO_ROOT / "site_build", REPO_ROOT / "docs" / "assets" / "agent"):
        if str(watched) not in config.watch:
            config.watch.append(str(watched))
    return config


def on_files(files, config, **kwargs):
    from policy_build.loader import load_policy
    from site_build.extras.agent_page import render_agent_page
    from site_build.extras.render import render_extras

    policy = load_policy()
    _calendar_offers.clear()
    _calendar_offers.update(_offers(policy))
    for path, content in render_extras(policy, site_url=config.get("site_url") or "",
                                       agent_page=render_agent_page).items():
        files.append(File.generated(config, path, content=content))
    return files


def _offers(policy) -> dict:
    import datetime as dt
    from functools import partial

    from site_build.extras.calendar_offer import calendar_offer_html
    from site_build.pages import SiteData

    site = SiteData(policy, has_checker=True, today=dt.date.today())
    return {notice.id: partial(calendar_offer_html, site, notice) for notice in site.notices}


def on_page_markdown(markdown, page, config, files, **kwargs):
    if page.file.src_uri != TIMELINE_PAGE:
        return markdown
    from site_build.extras.calendar_offer import SCRIPT, script_tag
    from site_build.extras.render import calendar_path

    base = page.url.rstrip("/") or "."
    for notice_id, offer in _calendar_offers.items():
        heading = re.compile(r"^##[^\n]*\{[^}\n]*#" + re.escape(notice_id) + r"[\s}][^\n]*$", re.MULTILINE)
        found = heading.search(markdown)
        if not found:
            # The timeline template changed its headings: fail the build instead of losing the link.
            raise ValueError(f"timeline.md: no heading with anchor #{notice_id} for its 加入日历 link (site_build/extras/hooks.py)")
        link = "\n" + offer(posixpath.relpath(calendar_path(notice_id), base))
        markdown = markdown[:found.end()] + "\n" + link + markdown[found.end():]
    return markdown + script_tag(posixpath.relpath(SCRIPT, base))
