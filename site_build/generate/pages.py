"""Render every data page of the site from the loaded policy with the Jinja2 templates.

`render_pages(policy)` returns {src_uri: markdown}; site_build/generate/__init__.py writes each
into the generated docs folder. Page keys (src_uri without ".md") are the ones used in
glossary.yaml `pages` and by the tests.
"""
from __future__ import annotations

import datetime as dt
import json
import posixpath
import re

from markupsafe import Markup, escape

from checker import moments, phrasing, timeline

from policy_build import clause_labels
from policy_build.rules_export import rules_json_text
from policy_build.phones import phone_display, phone_tel
from policy_build.urls import clause_url, reference_url

from site_build.generate.calendar_offer import calendar_offer_html, calendar_path
from site_build.generate.clause_text import ClauseFormatter
from site_build.generate.page_registry import BY_KEY, NOTICES, PAGES
from site_build.generate.templating import page_environment

# Site-given names for clauses the notices print without numbering or heading.
UNNUMBERED_NAMES = {
    "preamble": "主送单位与引言",
    "contacts": "联系方式",
    "annexes": "附件目录",
    "signature": "落款",
}

# fees.yaml grades list their `levels` as values of this question (as checker/fees.py reads them).
FEE_LEVEL_QUESTION = "level"

def render_pages(policy, has_checker: bool = False, today: dt.date | None = None,
                 site: "SiteData | None" = None) -> dict[str, str]:
    site = site or SiteData(policy, has_checker=has_checker, today=today or dt.date.today())
    env = page_environment()
    pages: dict[str, str] = {}
    templated = [page for page in PAGES if page.template]
    targets = [(page.key, page.template, {}) for page in templated if page.key != NOTICES]
    targets += [(f"{NOTICES}/{nid}", BY_KEY[NOTICES].template, {"notice": notice}) for nid, notice in policy.notices.items()]
    for key, template_name, extra in targets:
        page = PageContext(key)
        body = env.get_template(template_name).render(site=site, page=page, **extra)
        pages[f"{key}.md"] = body
    return pages


class PageContext:
    """Per-page helpers: every internal link is made relative to this page."""

    # Relative to what: mkdocs leaves the raw HTML of a page alone, so a link is resolved against the
    # built page's URL; Zensical resolves every relative URL in the content against the page's source
    # file and rewrites it (but not inside <noscript>, which it parses as text). Generation writes
    # links for the engine that will render (site_build/generate/__init__.py sets this for one run).
    source_relative = False

    def __init__(self, key: str):
        self.key = key
        # use_directory_urls: "index" -> "", "fees" -> "fees/", "notices/x" -> "notices/x/"
        self.url = "" if key == "index" else key + "/"

    def href(self, target: str, as_built: bool = False) -> str:
        """target is relative to the site root, e.g. "notices/2025-bigdata/#c1-5" or "fees/".
        `as_built`: a link no engine rewrites (inside <noscript>), relative to the built page."""
        path, hash_, fragment = target.partition("#")
        if self.source_relative and not as_built:
            here = posixpath.dirname(self.key) or "."
        else:
            here = self.url.rstrip("/") or "."
        rel = posixpath.relpath(path.rstrip("/") or ".", here)
        if rel == ".":
            return "#" + fragment if hash_ else "./"
        if path.endswith("/") or not path:
            rel += "/"
        return rel + ("#" + fragment if hash_ else "")


class SiteData:
    """Read-only view of the policy shaped for templates (no policy facts are created here)."""

    def __init__(self, policy, has_checker: bool, today: dt.date, rules: dict | None = None):
        self.policy = policy
        self._rules = rules
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

    def clause_heading(self, clause: dict) -> str:
        label = (clause.get("label") or "").strip()
        title = (clause.get("title") or "").strip()
        if not label and not title:
            return UNNUMBERED_NAMES.get(clause["id"], clause["id"])
        return f"{label} {title}".strip() if label == "附件" else f"{label}{title}"

    def cite(self, notice_id: str, clause_id: str) -> str:
        """Short visible citation: 渝大数据发〔2025〕128号 六（五）"""
        return clause_labels.citation(self.policy.notices[notice_id], clause_id)

    def cited_text(self, text: str, page: PageContext) -> Markup:
        """Data prose that names clauses by id ("2023-manufacturing#c1-2 印作…"): each id becomes the
        citation a reader knows (渝职改办〔2023〕211号 一（二）), linked; internal ids never reach a page."""
        notices = self.policy.notices
        pattern = re.compile(r"(" + "|".join(re.escape(n) for n in notices) + r")#([A-Za-z0-9_-]+)")

        def link(match):
            notice_id, clause_id = match.groups()
            if not notices[notice_id].has_clause(clause_id):
                return escape(match.group(0))
            return Markup('<a class="yzt-cite" href="{}" title="查看通知原文该条">{}</a>').format(
                page.href(clause_url(notice_id, clause_id)), self.cite(notice_id, clause_id))
        parts, last = [], 0
        for match in pattern.finditer(text):
            parts += [escape(text[last:match.start()]), link(match)]
            last = match.end()
        parts.append(escape(text[last:]))
        return Markup("").join(parts)

    # --- phones -------------------------------------------------------------------------
    def phone(self, phone) -> dict:
        """A contacts.yaml phone mapping or a bare offices.yaml (local) number."""
        return {"display": phone_display(phone, self.area_code), "tel": phone_tel(phone, self.area_code)}

    # --- dates (meaning and wording: checker/moments.py) ---------------------------------
    @staticmethod
    def event_bounds(event: dict) -> dict:
        """ISO instants in China time for the browser's status badge; the end is exclusive."""
        start, end = event.get("start") or {}, event.get("end") or {}
        first, last = moments.bounds(start.get("date"), start.get("time"), end.get("date"), end.get("time"))
        return {"start": moments.iso(first), "end": moments.iso(last)}

    def notice_window(self, notice) -> dict:
        events = notice.timeline.get("events", [])
        starts = [self.event_bounds(e)["start"] for e in events if e.get("start")]
        ends = [self.event_bounds(e)["end"] for e in events if e.get("end")]
        return {"start": min(starts) if starts else "", "end": max(ends) if ends else ""}

    def server_code(self, bounds: dict) -> str:
        """Status code (checker/moments.py) at the start of the build day: a fallback the browser
        replaces with the visitor's clock."""
        start = dt.datetime.fromisoformat(bounds["start"]) if bounds["start"] else None
        end = dt.datetime.fromisoformat(bounds["end"]) if bounds["end"] else None
        return moments.status_code(moments.start_of(self.build_date), start, end)

    def server_status(self, bounds: dict) -> str:
        """The words of server_code."""
        return moments.status_label(self.server_code(bounds), bool(bounds["start"]))

    def calendar_offer(self, notice, page) -> Markup:
        """加入日历 for the notice while one of its events is ahead (site_build/generate/calendar_offer.py)."""
        return calendar_offer_html(self, notice, page.href(calendar_path(notice.id)))

    def badge(self, bounds: dict) -> Markup:
        """A status badge the browser recomputes from the visitor's clock (assets/yzt.js), with its words."""
        return Markup('<span class="yzt-badge" data-yzt-status data-start="{}" data-end="{}"{}>{}</span>').format(
            bounds["start"], bounds["end"], self.status_words(), self.server_status(bounds))

    @staticmethod
    def status_legend() -> dict:
        """The status words (checker/moments.py) by the browser's state names; pages hold none of their own."""
        return {"before": moments.STATUS_LABELS[moments.NOT_STARTED], "during": moments.STATUS_LABELS[moments.OPEN],
                "after": moments.STATUS_LABELS[moments.CLOSED], "open": moments.DEADLINE_OPEN_LABEL}

    @classmethod
    def status_words(cls) -> Markup:
        """data-label-* attributes: the status words for yzt.js, which holds none of its own."""
        return Markup("".join(Markup(' data-label-{}="{}"').format(k, v) for k, v in cls.status_legend().items()))

    @staticmethod
    def date_text(point: dict | None, precision: str = "day") -> str:
        if not point:
            return ""
        if precision == "month":
            return moments.month_text(point["date"])
        return moments.day_text(point["date"]) + (f" {point['time']}" if point.get("time") else "")

    @staticmethod
    def event_text(event: dict) -> str:
        start, end = event.get("start") or {}, event.get("end") or {}
        return moments.span_text(start.get("date"), start.get("time"), end.get("date"), end.get("time"),
                                 event.get("precision", "day"))

    def event(self, notice, event_id: str) -> dict | None:
        for event in notice.timeline.get("events", []):
            if event["id"] == event_id:
                return event
        return None

    # --- fees, references, routes, contacts ---------------------------------------------
    def fee_levels(self, grade: dict) -> list[str]:
        """The form's words for the levels a fee grade covers (fees.yaml `levels`, labelled by the
        `level` question): 高级 -> [副高级, 正高级]; [] when the grade is just its one level (中级)."""
        question = next(q for q in self.policy.questions["questions"] if q["key"] == FEE_LEVEL_QUESTION)
        labels = {o["value"]: o["label"] for o in question["options"]}
        words = [labels[level] for level in grade["levels"]]
        return [] if words == [grade["grade"]] else words

    def reference(self, ref_id: str) -> dict | None:
        for ref in self.references:
            if ref["id"] == ref_id:
                return ref
        return None

    # --- one phrasing of every policy fact (checker/phrasing.py, on the compiled rules) -----
    @property
    def rules(self) -> dict:
        """The compiled rules (what checker/data/rules.json holds): the input the checker's phrasing takes."""
        if self._rules is None:
            self._rules = json.loads(rules_json_text(self.policy))
        return self._rules

    def rules_notice(self, notice) -> dict:
        return self.rules["notices"][getattr(notice, "id", notice)]

    def compiled_route(self, notice, route_id: str) -> dict:
        return next(r for r in self.rules_notice(notice)["rules"]["routes"] if r["id"] == route_id)

    def route_steps(self, notice, route_id: str) -> list[dict]:
        """Each step as the checker says it: line (actor：action), where (the district a district-office
        step means), details (only_if, note, papers, link), clause."""
        return [{"line": phrasing.step_line(step), "where": phrasing.step_district(step),
                 "details": phrasing.step_details(step), "clause": step["clause"]}
                for step in self.compiled_route(notice, route_id)["steps"]]

    def route_text(self, notice, route_id: str) -> list[str]:
        """The chain (个人 → … → 评委会, as the checker chains it) and then every step's note: a chain
        alone drops them (issue 18 #4: the 2023 委托评审 route lost its '本通知未写明…审核环节')."""
        steps = self.compiled_route(notice, route_id)["steps"]
        return [phrasing.route_chain(steps)] + [step["note"] for step in steps if step.get("note")]

    def allowance_lines(self, notice, allowance_id: str) -> list[str]:
        allowance = next(a for a in self.rules_notice(notice)["rules"]["allowances"] if a["id"] == allowance_id)
        return phrasing.allowance_lines(allowance)

    def fee_text(self, notice) -> str:
        return phrasing.fee_text(self.rules_notice(notice)["fees"])

    def cutoff_text(self, notice) -> str | None:
        """工作时间、任职时间计算截至2025年12月31日, as a result says it (None when the notice sets none)."""
        cutoff = self.rules_notice(notice).get("cutoff")
        return phrasing.cutoff_text(cutoff) if cutoff else None

    def round_texts(self, notice) -> dict:
        """The round's status as a result says it (checker.phrasing.round_status), before the first
        event, during the round and after the last one; the browser picks one by the visitor's clock.
        While the round runs the current step changes, so that state gets the short form only."""
        rules_notice, window = self.rules_notice(notice), self.notice_window(notice)
        first = dt.datetime.fromisoformat(window["start"])
        last = dt.datetime.fromisoformat(window["end"])

        def status(at, dated_only=False):
            events = timeline.events(rules_notice, notice.id, at)
            # Before the first start, a deadline-only event (审核推荐 …前) counts as open for the
            # checker, which would say 进行中 about a round nothing of which has begun: leave it out.
            return phrasing.round_status([e for e in events if e["starts_at"]] if dated_only else events)
        return {"before": status(first - dt.timedelta(seconds=1), dated_only=True)["text"],
                "during": status(first)["short"] + "。", "after": status(last)["text"]}

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
        pointer = self.policy.shared["dataset"].get("fraud_warning")
        if not pointer:
            return None
        notice_id, clause_id = pointer["clause"].split("#", 1)
        notice = self.policy.notices[notice_id]      # policy_build/integrity.py checked the clause
        return {"notice": notice, "clause": notice.clause(clause_id)}

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


