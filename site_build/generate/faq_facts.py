"""The functions FAQ answers call to get policy facts (faq.yaml holds none of its own).

An answer is a Jinja2 template; `FactSource(site, page).globals()` is its namespace:

    {{ fee_list(n) }}                          按申报级别：高级420元、中级240元、初级120元 (checker.phrasing)
    {{ route_chain(n, 'freelancer') }}         个人 → 人事代理机构 → … → 评委会（each step's note）
    {% for line in allowance_lines(n, 'aid_service') %}  effects, 条件：…, 除外：… (checker.phrasing)
    {{ event('2025-bigdata', 'fee_payment') }} 2025年11月10日 至 2025年11月14日  (.clause, .label, .badge)
    {{ review_rule('2025-bigdata', 'third_submission').max_submissions }}
    {{ cite('2025-bigdata', 'c6-5') }}         link to the clause on its notice page

Route chains, allowances, fees and the cut-off are said by checker/phrasing.py (through SiteData),
the same words a result uses. Every lookup records the clause its fact comes from (`cited`), so each answer lists the
clauses behind it. A missing id raises MissingFact (a KeyError) naming notice, section and id.
An answer that loops `{% for n in notices %}` over a notice lacking the entry is rendered
without that notice and says so (site_build/generate/faq.py); a fixed notice id that lacks it fails the build.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from checker.phrasing import fee_grade_text
from checker.vocabulary import document_name
from policy_build.urls import clause_url, reference_url

from site_build.generate.compare import committee_name


class MissingFact(KeyError):
    """Notice `notice` has no entry an answer looks up (e.g. a new notice without that rule id)."""

    def __init__(self, notice: str, text: str):
        super().__init__(text)
        self.notice = notice


class EventFact:
    """A timeline event as text (its dates) with its parts reachable as attributes."""

    def __init__(self, text: str, event: dict, badge: Markup):
        self.text, self.event, self.badge = text, event, badge
        self.clause, self.label = event["clause"], event["label"]
        self.who = event.get("who", "")
        self.note = event.get("note", "")

    def __str__(self):
        return self.text

    def __html__(self):
        return str(escape(self.text))


class FactSource:
    def __init__(self, site, page, glossary: dict[str, str] | None = None, without: tuple[str, ...] = ()):
        self.site, self.page = site, page
        self.without = without                  # notices left out of `notices` (they lack an entry)
        self.policy = site.policy
        self.glossary = glossary or {}          # term id -> the term as printed
        self.cited: dict[tuple[str, str], None] = {}

    # --- bookkeeping -------------------------------------------------------------------
    def _notice(self, n: str):
        try:
            return self.policy.notices[n]
        except KeyError:
            raise KeyError(f"没有通知 {n!r} (no such notice)") from None

    def _record(self, n: str, clause_id: str) -> None:
        if not self._notice(n).has_clause(clause_id):
            raise MissingFact(n, f"{n} 没有条款 {clause_id!r} (no such clause)")
        self.cited.setdefault((n, clause_id), None)

    def _find(self, n: str, items, item_id: str, where: str, key: str = "id") -> dict:
        for item in items or []:
            if isinstance(item, dict) and item.get(key) == item_id:
                if item.get("clause"):
                    self._record(n, item["clause"])
                return item
        raise MissingFact(n, f"{n} {where} 中没有 {item_id!r} (no such entry)")

    # --- notices -----------------------------------------------------------------------
    def title(self, n: str) -> str:
        return self._notice(n).meta["short_title"]

    def doc(self, n: str) -> str:
        return self._notice(n).meta["doc_number"]

    def committee(self, n: str) -> str:
        committee = self._notice(n).meta["committee"]
        self._record(n, committee["clause"])
        return committee_name(committee)

    def cite(self, n: str, clause_id: str) -> Markup:
        self._record(n, clause_id)
        href = self.page.href(clause_url(n, clause_id))
        return Markup('<a class="yzt-cite" href="{}">{}</a>').format(href, self.site.cite(n, clause_id))

    def clause_text(self, n: str, clause_id: str) -> str:
        self._record(n, clause_id)
        return self._notice(n).clause(clause_id).get("text", "")

    # --- timeline and fees -------------------------------------------------------------
    def has_event(self, n: str, event_id: str) -> bool:
        return self.site.event(self._notice(n), event_id) is not None

    def event(self, n: str, event_id: str) -> EventFact:
        event = self._find(n, self._notice(n).timeline.get("events"), event_id, "timeline.events")
        return self._event_fact(event)

    def events(self, n: str) -> list[EventFact]:
        facts = []
        for event in self._notice(n).timeline.get("events", []):
            self._record(n, event["clause"])
            facts.append(self._event_fact(event))
        return facts

    def _event_fact(self, event: dict) -> EventFact:
        bounds = self.site.event_bounds(event)
        badge = self.site.badge(bounds)
        return EventFact(self.site.event_text(event), event, badge)

    def cutoff(self, n: str) -> str:
        cutoff = self._notice(n).timeline["work_years_cutoff"]
        self._record(n, cutoff["clause"])
        return self.site.date_text(cutoff)

    def cutoff_text(self, n: str) -> str:
        """工作时间、任职时间计算截至… as the checker says it."""
        self.cutoff(n)
        return self.site.cutoff_text(n)

    def cutoff_clause(self, n: str) -> str:
        return self._notice(n).timeline["work_years_cutoff"]["clause"]

    def fees(self, n: str) -> dict:
        fees = self._notice(n).fees
        self._record(n, fees["clause"])
        return fees

    def fee(self, n: str, grade: str) -> str:
        """高级420元: one fee grade as the checker says it."""
        row = self._find(n, self.fees(n)["grades"], grade, "fees.grades", key="grade")
        return fee_grade_text(row)

    def fee_list(self, n: str) -> str:
        """按申报级别：高级420元、中级240元、初级120元 (the checker's words for a notice's fees)."""
        self.fees(n)
        return self.site.fee_text(n)

    def payment_steps(self, n: str) -> list[dict]:
        steps = self.fees(n)["payment"].get("steps", [])
        for step in steps:
            self._record(n, step["clause"])
        return steps

    # --- rules and evidence -----------------------------------------------------------
    def has_rule(self, n: str, section: str, rule_id: str) -> bool:
        items = (self._notice(n).rules or {}).get(section) or []
        key = "path" if section == "pathways" else "id"
        return any(isinstance(i, dict) and i.get(key) == rule_id for i in items)

    def rule(self, n: str, section: str, rule_id: str) -> dict:
        key = "path" if section == "pathways" else "id"
        return self._find(n, (self._notice(n).rules or {}).get(section), rule_id, f"rules.{section}", key=key)

    def requirement(self, n: str, route_id: str, requirement_id: str) -> dict:
        route = self.rule(n, "routes", route_id)
        return self._find(n, route.get("requirements"), requirement_id, f"rules.routes[{route_id}].requirements")

    def pathway_requirement(self, n: str, path: str, requirement_id: str) -> dict:
        pathway = self.rule(n, "pathways", path)
        return self._find(n, pathway.get("requirements"), requirement_id, f"rules.pathways[{path}].requirements")

    def route_chain(self, n: str, route_id: str) -> str:
        """个人 → 所在单位 → … → 评委会 as the checker chains it, each step's note after it in brackets
        (a chain alone dropped them: issue 18 #4)."""
        route = self.rule(n, "routes", route_id)
        for step in route.get("steps", []):
            self._record(n, step["clause"])
        chain, *notes = self.site.route_text(n, route_id)
        return chain + "".join(f"（{note.rstrip('。')}）" for note in notes)

    def allowance_lines(self, n: str, allowance_id: str) -> list[str]:
        """Every effect with its exceptions, then 条件：… and 除外：… (never drop the conditions: #5)."""
        self._record(n, self.rule(n, "allowances", allowance_id)["clause"])
        return self.site.allowance_lines(n, allowance_id)

    def route_papers(self, n: str, route_id: str) -> list[str]:
        return self.site.route_papers(self.rule(n, "routes", route_id))

    def has_review_rule(self, n: str, rule_id: str) -> bool:
        return any(r.get("id") == rule_id for r in self._notice(n).evidence.get("review_rules", []))

    def review_rule(self, n: str, rule_id: str) -> dict:
        return self._find(n, self._notice(n).evidence.get("review_rules"), rule_id, "evidence.review_rules")

    def has_general(self, n: str, item_id: str) -> bool:
        return any(r.get("id") == item_id for r in self._notice(n).evidence.get("general", []))

    def general(self, n: str, item_id: str) -> dict:
        return self._find(n, self._notice(n).evidence.get("general"), item_id, "evidence.general")

    def proofs(self, n: str) -> list[dict]:
        items = self._notice(n).evidence.get("achievement_proofs", [])
        for item in items:
            self._record(n, item["clause"])
        return items

    # --- contacts, offices, references, pages -------------------------------------------
    def contacts(self, n: str) -> list[dict]:
        items = (self._notice(n).contacts or {}).get("contacts", [])
        for item in items:
            self._record(n, item["clause"])
        return items

    def phones(self, contact: dict) -> Markup:
        links = [Markup('<a class="yzt-phone" href="{}">{}</a>').format(p["tel"], p["display"])
                 for p in (self.site.phone(phone) for phone in contact.get("phones", []))]
        return Markup("、").join(links)

    def links(self, n: str) -> list[dict]:
        items = (self._notice(n).contacts or {}).get("links", [])
        for item in items:
            self._record(n, item["clause"])
        return items

    def office_count(self) -> int:
        source = getattr(self.policy, "offices_source", None)
        if source:
            notice_id, _, clause_id = source.partition("#")
            self._record(notice_id, clause_id)
        return len(self.policy.offices)

    def page_link(self, target: str, text: str) -> Markup:
        return Markup('<a href="{}">{}</a>').format(self.page.href(target), text)

    def ref(self, ref_id: str) -> Markup:
        ref = self.site.reference(ref_id)
        if ref is None:
            raise KeyError(f"references.yaml 中没有 {ref_id!r}")
        name = document_name(ref, with_number=True)
        return Markup('<a href="{}">{}</a>').format(self.page.href(reference_url(ref_id)), name)

    def term(self, term_id: str) -> Markup:
        """The glossary term as a link to its entry."""
        if term_id not in self.glossary:
            raise KeyError(f"glossary.yaml 中没有术语 {term_id!r}")
        return Markup('<a class="yzt-term" href="{}">{}</a>').format(
            self.page.href(f"glossary/#term-{term_id}"), self.glossary[term_id])

    def globals(self) -> dict:
        names = ["title", "doc", "committee", "cite", "clause_text", "has_event", "event", "events",
                 "cutoff", "cutoff_text", "cutoff_clause", "fees", "fee", "fee_list", "payment_steps", "has_rule", "rule",
                 "requirement", "pathway_requirement", "route_chain", "allowance_lines", "route_papers", "has_review_rule",
                 "review_rule", "has_general", "general", "proofs", "contacts", "phones", "links",
                 "office_count", "page_link", "ref", "term"]
        namespace = {name: getattr(self, name) for name in names}
        notice_ids = list(self.policy.notices)
        namespace.update(notices=[n for n in notice_ids if n not in self.without], latest=notice_ids[-1])
        return namespace
