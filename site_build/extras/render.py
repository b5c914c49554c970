"""Render the extras pages (markdown) and calendars (bytes) from the loaded policy."""
from __future__ import annotations

import datetime as dt

from site_build.pages import PageContext, SiteData
from site_build.templating import page_environment
from site_build.extras.calendar_ics import notice_calendar
from site_build.extras.compare import comparison
from site_build.extras.data import load_faq, load_glossary
from site_build.extras.faq import render_faq
from site_build.extras.glossary import glossary_entries, term_names


def calendar_path(notice_id: str) -> str:
    """Site path of a notice's calendar file (relative to the site root)."""
    return f"calendar/{notice_id}.ics"


def render_extras(policy, today: dt.date | None = None, site_url: str = "", agent_page=None) -> dict[str, str | bytes]:
    """{site path: content}: faq.md, glossary.md, compare.md, agent.md and calendar/<notice>.ics."""
    site = SiteData(policy, has_checker=True, today=today or dt.date.today())
    env = page_environment()
    terms = load_glossary(policy)
    names = term_names(terms)
    questions, faq_display = load_faq(policy)
    out: dict[str, str | bytes] = {}

    page = PageContext("faq")
    faq = render_faq(site, page, questions, names, faq_display)
    out["faq.md"] = env.get_template("faq_page.md.j2").render(site=site, page=page, faq=faq)

    page = PageContext("glossary")
    out["glossary.md"] = env.get_template("glossary_page.md.j2").render(
        site=site, page=page, terms=glossary_entries(policy, terms))

    page = PageContext("compare")
    sections = comparison(site)
    rows = [row for section in sections for row in section["rows"]]
    out["compare.md"] = env.get_template("compare_page.md.j2").render(
        site=site, page=page, sections=sections, total=len(rows), differing=sum(r["differs"] for r in rows))

    if agent_page is not None:
        page = PageContext("agent")
        out["agent.md"] = agent_page(env, site, page, faq)

    for notice in site.notices:
        out[calendar_path(notice.id)] = notice_calendar(site, notice, site_url)
    return out
