"""Turn a clause's verbatim text into HTML: escaped, one <p> per printed paragraph,
cited documents linked to their references/ entry and printed web addresses made clickable.

Nothing is reworded: the only change to the text is markup around existing characters.
"""
from __future__ import annotations

import re
from typing import Callable

from markupsafe import Markup, escape

# Printed addresses stop at the first non-ASCII character (）, ，) or at an escaped "<"/">".
_URL = r"https?://[A-Za-z0-9/:._\-#?=%~+!$,;@]+"


class ClauseFormatter:
    def __init__(self, references: list[dict], reference_href: Callable[[str], str]):
        # Longest first, so 渝人社发〔2021〕55号 never matches inside a longer number.
        needles: dict[str, str] = {}
        for ref in references:
            if ref.get("doc_number"):
                needles.setdefault(str(escape(ref["doc_number"])), ref["id"])
            elif ref.get("title"):
                needles.setdefault(str(escape(f"《{ref['title']}》")), ref["id"])
        self._needles = needles
        self._reference_href = reference_href
        alternatives = [re.escape(n) for n in sorted(needles, key=len, reverse=True)]
        alternatives.append(_URL)
        self._pattern = re.compile("|".join(f"(?:{a})" for a in alternatives))

    def inline(self, text: str) -> Markup:
        escaped = str(escape(text))

        def replace(match: re.Match) -> str:
            found = match.group(0)
            ref_id = self._needles.get(found)
            if ref_id:
                href = self._reference_href(ref_id)
                return f'<a class="yzt-ref" href="{href}" title="查看引用文件">{found}</a>'
            # A link *to* an official site is navigation, never a resource load.
            return f'<a class="yzt-ext" href="{found}" rel="noopener noreferrer">{found}</a>'

        return Markup(self._pattern.sub(replace, escaped))

    def paragraphs(self, text: str) -> Markup:
        lines = [line for line in (text or "").split("\n") if line.strip()]
        return Markup("").join(Markup("<p>{}</p>").format(self.inline(line)) for line in lines)
