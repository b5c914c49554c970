"""Render every data page of the site from the loaded policy with the Jinja2 templates.

`render_pages(policy)` returns {src_uri: markdown}; site_build/generate.py writes each
into the generated docs folder. Page keys (src_uri without ".md") are the ones used in
glossary.yaml `pages` and by the tests.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re

from markupsafe import Markup

from policy_build.phones import phone_display, phone_tel
from policy_build.urls import clause_url, office_anchor, office_url, reference_url

from site_build import search_terms
from site_build.clause_text import ClauseFormatter
from site_build.templating import page_environment

CHINA = dt.timezone(dt.timedelta(hours=8))

# Site-given names for clauses the notices print without numbering or heading.
UNNUMBERED_NAMES = {
    "preamble": "主送单位与引言",
    "contacts": "联系方式",
    "annexes": "附件目录",
    "signature": "落款",
}

# The clause that warns against 代办/保过 offers (a later data issue may move this pointer into policy_data).
FRAUD_WARNING = ("2025-bigdata", "c6-6")

# page key -> template; notices/<id> pages are added per notice.
SINGLE_PAGES = {
    "index": "start.md.j2",
    "timeline": "timeline.md.j2",
    "fees": "fees.md.j2",
    "routes": "routes.md.j2",
    "offices": "offices.md.j2",
    "evidence": "evidence.md.j2",
    "contacts": "contacts.md.j2",
    "references": "references.md.j2",
}


def render_pages(policy, has_checker: bool = False, today: dt.date | None = None,
                 site: "SiteData | None" = None) -> dict[str, str]:
    site = site or SiteData(policy, has_checker=has_checker, today=today or dt.date.today())
    env = page_environment()
    pages: dict[str, str] = {}
    targets = [(key, name, {}) for key, name in SINGLE_PAGES.items()]
    targets += [(f"notices/{nid}", "notice.md.j2", {"notice": notice}) for nid, notice in policy.notices.items()]
    for key, template_name, extra in targets:
        page = PageContext(key)
        body = env.get_template(template_name).render(site=site, page=page, **extra)
        pages[f"{key}.md"] = _with_search_keywords(key, body)
    return pages


def _with_search_keywords(key: str, markdown: str) -> str:
    """Put the page's hidden keyword line right under its h1, so results point at the page top."""
    keywords = search_terms.page_keywords(key, markdown)
    if not keywords:
        return markdown
    line = '\n<p class="yzt-search-terms" hidden>相关说法：' + " ".join(keywords) + "</p>\n"
    head, sep, rest = markdown.partition("\n# ")
    if not sep:
        return markdown + line
    title_line, _, after = rest.partition("\n")
    return f"{head}\n# {title_line}\n{line}{after}"


class PageContext:
    """Per-page helpers: every internal link is made relative to this page's URL."""

    def __init__(self, key: str):
        self.key = key
        # use_directory_urls: "index" -> "", "fees" -> "fees/", "notices/x" -> "notices/x/"
        self.url = "" if key == "index" else key + "/"

    def href(self, target: str) -> str:
        """target is relative to the site root, e.g. "notices/2025-bigdata/#c1-5" or "fees/"."""
        path, hash_, fragment = target.partition("#")
        here = self.url.rstrip("/") or "."
        rel = posixpath.relpath(path.rstrip("/") or ".", here)
        if rel == ".":
            return "#" + fragment if hash_ else "./"
        if path.endswith("/") or not path:
            rel += "/"
        return rel + ("#" + fragment if hash_ else "")


class SiteData:
    """Read-only view of the policy shaped for templates (no policy facts are created here)."""

    def __init__(self, policy, has_checker: bool, today: dt.date):
        self.policy = policy
        self.has_checker = has_checker
        self.build_date = today
        self.area_code = policy.area_code
        self.notices = policy.newest_first()
        self.offices = policy.offices
        self.references = policy.references
        # offices.yaml `source` ("2025-bigdata#a1"): the annex that prints the directory, when the loader exposes it.
        source = getattr(policy, "offices_source", None) or ""
        self.offices_source = tuple(source.partition("#")[::2]) if source else ("", "")
        self.formatter = ClauseFormatter(policy.references, self._root_reference_href)
        self._depth_cache: dict[tuple[str, str], int] = {}

    # --- links --------------------------------------------------------------------------
    @staticmethod
    def _root_reference_href(ref_id: str) -> str:
        # Clause text is rendered once per page; PageContext.href fixes the prefix (see clause_html).
        return "@ROOT@" + reference_url(ref_id)

    def clause_url(self, notice_id: str, clause_id: str) -> str:
        return clause_url(notice_id, clause_id)

    def shared_clause_url(self, qualified: str) -> str:
        """'2025-bigdata#a1' (the form used in shared files) -> its clause URL."""
        notice_id, _, clause_id = qualified.partition("#")
        return clause_url(notice_id, clause_id)

    def office_url(self, office: dict) -> str:
        return office_url(office)

    def office_anchor(self, office: dict) -> str:
        return office_anchor(office)

    def reference_url(self, ref_id: str) -> str:
        return reference_url(ref_id)

    # --- clauses ------------------------------------------------------------------------
    def clause_html(self, text: str, page: PageContext) -> Markup:
        html = str(self.formatter.paragraphs(text))
        return Markup(re.sub(r'href="@ROOT@([^"]*)"', lambda m: f'href="{page.href(m.group(1))}"', html))

    def clause_depth(self, notice, clause: dict) -> int:
        key = (notice.id, clause["id"])
        if key not in self._depth_cache:
            parent = clause.get("parent")
            self._depth_cache[key] = 0 if not parent else 1 + self.clause_depth(notice, notice.clause(parent))
        return self._depth_cache[key]

    def clause_number(self, notice, clause_id: str) -> str:
        """The printed numbering of a clause with its ancestors', e.g. 六、（五） or 附件 步骤 1："""
        clause = notice.clause(clause_id)
        labels = []
        while clause:
            label = (clause.get("label") or "").strip()
            labels.append(label or UNNUMBERED_NAMES.get(clause["id"], clause["id"]))
            parent = clause.get("parent")
            clause = notice.clause(parent) if parent else None
        return " ".join(reversed(labels)) if any(" " in l for l in labels) else "".join(reversed(labels))

    def clause_heading(self, clause: dict) -> str:
        label = (clause.get("label") or "").strip()
        title = (clause.get("title") or "").strip()
        if not label and not title:
            return UNNUMBERED_NAMES.get(clause["id"], clause["id"])
        return f"{label} {title}".strip() if label == "附件" else f"{label}{title}"

    def notice_title(self, notice_id: str) -> str:
        return self.policy.notices[notice_id].meta["short_title"]

    def doc_number(self, notice_id: str) -> str:
        return self.policy.notices[notice_id].meta["doc_number"]

    def cite(self, notice_id: str, clause_id: str) -> str:
        """Short visible citation: 渝大数据发〔2025〕128号 六、（五）"""
        notice = self.policy.notices[notice_id]
        return f"{notice.meta['doc_number']} {self.clause_number(notice, clause_id)}"

    # --- phones -------------------------------------------------------------------------
    def phone(self, phone) -> dict:
        """A contacts.yaml phone mapping or a bare offices.yaml (local) number."""
        return {"display": phone_display(phone, self.area_code), "tel": phone_tel(phone, self.area_code)}

    # --- dates --------------------------------------------------------------------------
    def event_bounds(self, event: dict) -> dict:
        """ISO instants in China time for the browser's status badge; the end is exclusive."""
        start = event.get("start")
        end = event.get("end")
        return {
            "start": _instant(start, end_of_day=False) if start else "",
            "end": _instant(end, end_of_day=True) if end else "",
        }

    def notice_window(self, notice) -> dict:
        events = notice.timeline.get("events", [])
        starts = [self.event_bounds(e)["start"] for e in events if e.get("start")]
        ends = [self.event_bounds(e)["end"] for e in events if e.get("end")]
        return {"start": min(starts) if starts else "", "end": max(ends) if ends else ""}

    def server_status(self, bounds: dict) -> str:
        """Status at build time: only a fallback the browser script replaces with the visitor's clock."""
        now = dt.datetime.combine(self.build_date, dt.time(12), CHINA).isoformat()
        if bounds["start"] and now < bounds["start"]:
            return "未开始"
        if bounds["end"] and now >= bounds["end"]:
            return "已截止"
        return "进行中" if bounds["start"] else "未截止"

    @staticmethod
    def date_text(point: dict | None, precision: str = "day") -> str:
        if not point:
            return ""
        day = _as_date(point["date"])
        if precision == "month":
            return f"{day.year}年{day.month}月"
        text = f"{day.year}年{day.month}月{day.day}日"
        if point.get("time"):
            text += f" {point['time']}"
        return text

    def event_text(self, event: dict) -> str:
        precision = event.get("precision", "day")
        start, end = event.get("start"), event.get("end")
        if precision == "month" and start and end and _as_date(start["date"]).month == _as_date(end["date"]).month:
            return self.date_text(start, "month")
        if start and end:
            return f"{self.date_text(start, precision)} 至 {self.date_text(end, precision)}"
        if end:
            return f"{self.date_text(end, precision)} 前"
        return f"{self.date_text(start, precision)} 起"

    def event(self, notice, event_id: str) -> dict | None:
        for event in notice.timeline.get("events", []):
            if event["id"] == event_id:
                return event
        return None

    # --- misc ---------------------------------------------------------------------------
    def reference(self, ref_id: str) -> dict | None:
        for ref in self.references:
            if ref["id"] == ref_id:
                return ref
        return None

    def routes(self, notice) -> list[dict]:
        rules = notice.rules or {}
        routes = rules.get("routes") if isinstance(rules, dict) else None
        return routes if isinstance(routes, list) else []

    @staticmethod
    def route_papers(route: dict) -> list[str]:
        papers: dict[str, None] = {}
        for step in route.get("steps", []):
            for paper in step.get("papers", []) or []:
                papers.setdefault(paper, None)
        return list(papers)

    def fraud_warning(self) -> dict | None:
        """The anti-fraud clause (代办/保过 are scams), shown on the start and contacts pages."""
        notice_id, clause_id = FRAUD_WARNING
        notice = self.policy.notices.get(notice_id)
        if notice is None:
            return None
        clause = notice.clause(clause_id)
        if "代办" not in clause.get("text", ""):
            raise ValueError(f"{notice_id}#{clause_id} is no longer the anti-fraud clause; update FRAUD_WARNING in site_build/pages.py")
        return {"notice": notice, "clause": clause}

    def all_contacts(self):
        for notice in self.notices:
            for contact in (notice.contacts or {}).get("contacts", []):
                yield notice, contact

    def hotlines(self):
        """Province-wide numbers (kind: hotline, e.g. 12333) plus the platform's support line."""
        seen = set()
        for notice, contact in self.all_contacts():
            for phone in contact.get("phones", []):
                if phone.get("kind") == "hotline" and phone["number"] not in seen:
                    seen.add(phone["number"])
                    yield notice, contact, phone


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _instant(point: dict, end_of_day: bool) -> str:
    day = _as_date(point["date"])
    time = point.get("time")
    if time:
        hours, minutes = (int(x) for x in time.split(":"))
        moment = dt.datetime.combine(day, dt.time(0), CHINA) + dt.timedelta(hours=hours, minutes=minutes)
    elif end_of_day:
        moment = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), CHINA)
    else:
        moment = dt.datetime.combine(day, dt.time(0), CHINA)
    return moment.isoformat()
