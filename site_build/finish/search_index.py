"""Build the site search index (search/index.json) from the built pages and the policy data.

Each anchored section of a page (site_build/finish/search_sections.py) becomes one document:
  [url, title, context, kind, body, keys]
`body` is the section's own visible text (the snippet comes from it); `keys` are indexed but
never shown: FAQ topics, glossary synonyms (a section printing a term also answers the words
callers use for it — index-time synonym expansion), district names in pinyin and initials.
The browser tokenises and ranks (docs/assets/search/search.js) with the rules of
site_build/finish/search_tokens.py, which travel inside the file.
"""
from __future__ import annotations

import json
from pathlib import Path

from policy_build.atomic import write_text_atomic
from policy_build.clause_labels import clause_label
from policy_build.urls import office_anchor
from site_build.finish import search_tokens
from site_build.generate.page_registry import search_kind
from site_build.generate.place_pinyin import spellings, syllables as place_syllables
from site_build.finish.search_sections import cut_sections

# Data, not code: it stays at one URL outside the content-hashed assets/<hash>/ (site_build/finish/asset_hashes.py)
# and is revalidated like a page.
INDEX_PATH = "search/index.json"
# A name this short (a clause label, a one-word row) is prefixed with its heading.
SHORT_NAME = 6
# Containers that hold other sections rather than an answer of their own.
WRAPPERS = {"offices-table"}


def page_key(html_path: Path, site_dir: Path) -> str:
    """site/faq/index.html -> "faq"; site/index.html -> "index"."""
    parent = html_path.parent.relative_to(site_dir).as_posix()
    return "index" if parent == "." else parent


class KeyWords:
    """The hidden words of each section, from glossary.yaml, faq.yaml and offices.yaml."""

    def __init__(self, policy, texts):
        """texts: site_build.generate.FaqAndGlossary, as the build read them for the pages."""
        self.terms = texts.terms
        by_id = {t["id"]: t for t in self.terms}
        questions = texts.questions
        self.faq = {f"faq-{q['id']}": [*q.get("topics", []),
                                        *(w for tid in q.get("terms", []) for w in self._term_words(by_id[tid]))]
                    for q in questions}
        spelled = place_syllables([o["name"] for o in policy.offices])
        self.offices = {office_anchor(o): spellings(o["name"], spelled[o["name"]]) for o in policy.offices}

    @staticmethod
    def _term_words(term: dict) -> list[str]:
        return [term["term"], *(term.get("forms") or []), *term["says"]]

    def of(self, page: str, anchor: str, title: str, body: str) -> list[str]:
        """The section's own words (FAQ topics and terms, a glossary entry's words, a district's
        spellings: kept even where the text prints them, they say what the section is about),
        then the synonyms of the terms it prints that its text does not already hold."""
        own: list[str] = []
        if page == "faq":
            own += self.faq.get(anchor, [])
        if page == "glossary":
            own += next((self._term_words(t) for t in self.terms if anchor == f"term-{t['id']}"), [])
        if page == "offices":
            own += self.offices.get(anchor, [])
        # Index-time synonyms: a section that prints a term answers the words callers use for it,
        # where the term is what the section is about: on the pages the glossary names for the
        # term (its `pages`), anywhere in the section; elsewhere, in the section's title.
        text = f"{title}\n{body}"
        synonyms: list[str] = []
        for term in self.terms:
            about = text if page in (term.get("pages") or []) else title
            if any(word in about for word in (term["term"], *(term.get("forms") or []))):
                synonyms += [word for word in term["says"] if word not in text]
        return list(dict.fromkeys(own + synonyms))


def section_documents(page: str, html: str, keys: KeyWords, clause_name=None) -> list[list[str]]:
    sections = cut_sections(html)
    if not sections:
        return []
    url = "" if page == "index" else page + "/"
    page_title = " ".join(sections[0].heading.split())
    kind = search_kind(page)    # answers outrank the notice text they restate
    documents = []
    for number, section in enumerate(sections):
        body = section.body
        top = number == 0
        parent = " ".join(section.parent.heading.split()) if section.parent and section.parent is not sections[0] else ""
        title = " ".join(section.heading.split())
        if section.anchor in WRAPPERS or not (body or title):
            continue
        if title:
            body = _without_name(body, title)
        else:   # a list item or block with no name of its own is titled by its heading
            title, parent = parent or page_title, ""
        if len(title) <= SHORT_NAME and parent:   # （一）, 评审: say whose
            title, parent = f"{parent} {title}", ""
        if kind == "clause" and not top and clause_name:
            title, parent = clause_name(page.split("/", 1)[1], section.anchor) or title, ""
        context = " · ".join(part for part in (page_title if not top else "", parent) if part)
        href = url if top else f"{url}#{section.anchor}"
        words = keys.of(page, "" if top else section.anchor, title, body)
        # A heading with no text of its own (五、申报程序) answers nothing: it ranks as a page.
        documents.append([href, title, context, "page" if top or not body else kind, body, " ".join(words)])
    return documents


def _without_name(body: str, title: str) -> str:
    """A row or clause names itself in its first cells (个人填报 / 申报人), maybe after its row
    number (1 / 万州区): drop them from the body."""
    lines = body.split("\n")
    rest = title
    if len(lines) > 1 and lines[0].isdigit() and title.startswith(lines[1]):
        lines.pop(0)
    while lines and lines[0] and rest.startswith(lines[0]):
        rest = rest[len(lines[0]):].lstrip()
        lines.pop(0)
    return "\n".join(lines)


def notice_of(page: str, url: str, context: str, policy) -> str | None:
    """The notice a section belongs to: its notice page, an anchor made from the notice id
    (timeline/#2023-manufacturing-…, fees/#2025-bigdata), its heading, or the annex the office
    directory comes from; None for a section about several notices (FAQ, glossary)."""
    anchor = url.partition("#")[2]
    for notice_id, notice in policy.notices.items():
        if page == f"notices/{notice_id}" or anchor == notice_id or anchor.startswith(notice_id + "-"):
            return notice_id
        if notice.meta["short_title"] in context.split(" · "):
            return notice_id
    if page == "offices":
        source = getattr(policy, "offices_source", None) or ""
        return source.partition("#")[0] or None
    return None


def _named(doc: list[str], page: str, policy) -> list[str]:
    """Every result says which notice it is from: the notice's short title joins the context
    where neither the title nor the context already names it."""
    url, title, context = doc[0], doc[1], doc[2]
    notice_id = notice_of(page, url, context, policy)
    if notice_id:
        name = policy.notices[notice_id].meta["short_title"]
        if name not in title and name not in context:
            # The office directory serves every notice; it is printed in one notice's annex.
            said = f"来源：{name}" if page == "offices" else name
            doc = [url, title, " · ".join(p for p in (context, said) if p), *doc[3:]]
    return doc


def clause_namer(policy):
    """(notice id, clause id) -> its full printed number and title, 四、（一）5.央企或市外单位驻渝人员：
    (the pages' own numbering, site_build/generate/pages.py), or None for an anchor that is no clause."""
    def name(notice_id: str, clause_id: str) -> str | None:
        notice = policy.notices.get(notice_id)
        if notice is None or not notice.has_clause(clause_id):
            return None
        clause = notice.clause(clause_id)
        number = clause_label(notice, clause_id)
        return f"{number}{(clause.get('title') or '').strip()}"
    return name


def build_index(site_dir: Path, policy, texts) -> dict:
    keys = KeyWords(policy, texts)
    clause_name = clause_namer(policy)
    documents = []
    for html_path in sorted(site_dir.rglob("index.html")):
        page = page_key(html_path, site_dir)
        if search_kind(page) is None:
            continue
        documents += [_named(doc, page, policy)
                      for doc in section_documents(page, html_path.read_text(encoding="utf-8"), keys, clause_name)]
    names = [[n.meta["short_title"], n.meta["doc_number"]] for n in policy.newest_first()]
    return {"rules": search_tokens.rules(names), "docs": documents}


def write_index(site_dir: Path, policy, texts) -> Path:
    target = site_dir / INDEX_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    index = build_index(site_dir, policy, texts)
    write_text_atomic(target, json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    return target
