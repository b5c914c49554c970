"""Cut built pages into the sections the search returns: one per element with an anchor.

A section is what a link with that anchor shows: an FAQ answer (h2 + what follows), a glossary
entry, a route, a fee block, a timeline row, an office row, a contact, a clause. Its text is
the page's own text, so a search result can never say something its section does not.
"""
from __future__ import annotations

from html.parser import HTMLParser

# Every heading level: a notice's fourth-level clause, （1）单位审核推荐, is an h5 on its page.
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source"}
# Inside the article but not part of any answer: permalinks, page navigation, scripts, widgets,
# and lists of words or citations (a glossary entry's 常见说法, an FAQ's 依据/术语 line).
SKIPPED_CLASSES = {"headerlink", "yzt-faq-index", "yzt-calendar-link", "yzt-filter-count", "md-source-file",
                   "yzt-term-says", "yzt-term-used", "yzt-faq-basis"}
SKIPPED_TAGS = {"script", "style", "nav", "input", "button", "select", "textarea", "template", "svg"}
BLOCK = HEADINGS | {"p", "li", "tr", "dt", "dd", "div", "table", "ul", "ol", "dl", "section", "article",
                    "details", "summary", "blockquote", "br"}
# First element of these kinds names a section that has no heading of its own (a row, a clause).
NAMING = {"th", "strong", "dt"}


class Section:
    def __init__(self, anchor: str, heading: str = "", parent: "Section | None" = None):
        self.anchor = anchor
        self.heading = heading          # its own heading text (headings) or its naming element's text
        self.parent = parent
        self.text: list[str] = []

    @property
    def body(self) -> str:
        lines = [" ".join(line.split()) for line in "".join(self.text).split("\n")]
        return "\n".join(line for line in lines if line)


class _Cutter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self.in_article = 0            # depth inside <article>, 0 = outside
        self.skip_depth = 0            # >0 while inside a skipped element
        self.stack: list[tuple[str, Section | None, bool]] = []   # (tag, container section, skipping)
        self.heading: Section | None = None    # the section of the latest heading
        self.current: Section | None = None    # where text goes now
        self.in_heading = False
        self.naming: Section | None = None     # container waiting for its naming element's text
        self.naming_tag = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self.in_article:
            if tag == "article":
                self.in_article = 1
            return
        classes = set((attrs.get("class") or "").split())
        skipping = self.skip_depth > 0 or tag in SKIPPED_TAGS or "hidden" in attrs or bool(classes & SKIPPED_CLASSES)
        if tag in VOID:
            if tag == "br" and not skipping:
                self._text("\n")
                if self.current is not None and (self.in_heading or self.naming_tag):
                    self.current.heading += " "
            return
        container = None
        if not skipping:
            anchor = attrs.get("id")
            if tag in HEADINGS:
                self.heading = Section(anchor or "", parent=None)
                self.sections.append(self.heading)
                self.current = self.heading
                self.in_heading = True
            elif anchor and self.current is not None:
                container = Section(anchor, parent=self.heading)
                self.sections.append(container)
                self.current = container
                self.naming = container
            elif self.naming is not None and not self.naming_tag and (tag in NAMING or "yzt-label" in classes):
                self.naming_tag = tag
            if tag in BLOCK:
                self._text("\n")
        self.stack.append((tag, container, skipping))
        if skipping:
            self.skip_depth += 1
        if tag == "article":
            self.in_article += 1

    def handle_endtag(self, tag):
        if not self.in_article or tag in VOID:
            return
        if tag == "article":
            self.in_article -= 1
            if not self.in_article:
                return
        # Pop to the matching tag (tolerates unclosed <p>/<li>).
        while self.stack:
            open_tag, container, skipping = self.stack.pop()
            if skipping:
                self.skip_depth -= 1
            if open_tag in BLOCK and not skipping:
                self._text("\n")
            if open_tag in HEADINGS and not skipping:
                self.in_heading = False
            if self.naming_tag == open_tag:
                self.naming, self.naming_tag = None, ""
            if container is not None:
                if self.naming is container:
                    self.naming, self.naming_tag = None, ""
                self.current = self._enclosing()
            if open_tag == tag:
                break

    def _enclosing(self) -> Section | None:
        for _, container, _ in reversed(self.stack):
            if container is not None:
                return container
        return self.heading

    def handle_data(self, data):
        if not self.in_article or self.skip_depth or self.current is None:
            return
        if self.in_heading:
            self.current.heading += data
        elif self.naming is self.current and self.naming_tag:
            self.current.heading += data
        self._text(data)

    def _text(self, data: str) -> None:
        if self.current is not None and not (self.in_heading and data != "\n"):
            self.current.text.append(data)


def cut_sections(html: str) -> list[Section]:
    """The page's anchored sections in page order; the first is the page top (its h1)."""
    cutter = _Cutter()
    cutter.feed(html)
    cutter.close()
    return cutter.sections
