"""Parsing helpers for the built site (used by tests/site/conftest.py and the tests)."""
from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

# Every page type the site generates from policy_data/ (notice pages are added per notice).
PAGE_TYPES = ["", "timeline/", "fees/", "routes/", "offices/", "evidence/", "contacts/", "references/"]


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class ParsedPage(HTMLParser):
    """Element ids in document order, every <a href>, resource URLs, and the visible text of <article>."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[dict] = []
        self.resources: list[tuple[str, str]] = []
        self._stack: list[tuple[str, bool]] = []     # (tag, hides its content)
        self._text: list[str] = []
        self._open_link: dict | None = None
        self.feed(source)
        self.text = "".join(self._text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and "href" in attrs:
            self._open_link = {"href": attrs["href"], "text": "", "class": attrs.get("class") or ""}
            self.links.append(self._open_link)
        if tag in ("script", "img", "link", "iframe", "source", "video", "audio", "embed", "object"):
            for attr in ("src", "href", "data"):
                if attrs.get(attr) and not (tag == "link" and attrs.get("rel") in ("canonical", "prev", "next")):
                    self.resources.append((tag, attrs[attr]))
        if tag not in VOID:
            self._stack.append((tag, tag in ("script", "style", "template") or "hidden" in attrs))

    def handle_endtag(self, tag):
        if tag == "a":
            self._open_link = None
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data):
        if self._open_link is not None:
            self._open_link["text"] += data
        in_article = any(tag == "article" for tag, _ in self._stack)
        if in_article and not any(hides for _, hides in self._stack):
            self._text.append(data)


class BuiltSite:
    def __init__(self, root: Path, log: str):
        self.root = root
        self.log = log
        self._pages: dict[str, ParsedPage] = {}

    def path(self, page_url: str) -> Path:
        return self.root / page_url / "index.html"

    def html(self, page_url: str) -> str:
        return self.path(page_url).read_text(encoding="utf-8")

    def page(self, page_url: str) -> ParsedPage:
        if page_url not in self._pages:
            self._pages[page_url] = ParsedPage(self.html(page_url))
        return self._pages[page_url]


def visible(text: str) -> str:
    """Clause text as a reader sees it: entities decoded, whitespace ignored."""
    return "".join(html.unescape(text).split())
