"""Shared steps for the search tests and bench/search_bench.py: type a query the way a person does,
wait for its results, and judge a result by the section it links to."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from site_build.finish.search_eval import holds
from site_build.finish.search_sections import cut_sections

SITE = Path(__file__).resolve().parents[2] / "site"
# What a snippet must never show: keyword dumps and Material's crossed-out missing terms.
KEYWORD_DUMPS = ("相关说法", "常见说法", "缺少")


def type_query(page, box_selector: str, query: str) -> None:
    """Click, clear, type with a delay (CJK typing sends no keyup), press End."""
    box = page.locator(box_selector)
    box.click()
    box.fill("")
    page.keyboard.type(query, delay=20)
    page.keyboard.press("End")


@lru_cache(maxsize=None)
def page_sections(page_path: str) -> dict[str, str]:
    """anchor ("" for the page top) -> the section's visible text, cut from the built page."""
    html = (SITE / page_path / "index.html").read_text(encoding="utf-8")
    sections = cut_sections(html)
    texts = {}
    for number, section in enumerate(sections):
        texts["" if number == 0 else section.anchor] = f"{section.heading}\n{section.body}"
    return texts


def section_text(href: str, site_url: str) -> str:
    """The text of the section a result link points at (its anchor's section on its page)."""
    parts = urlsplit(href)
    path = parts.path[len(urlsplit(site_url).path):].strip("/")
    return page_sections(path).get(parts.fragment, "")


def section_holds(href: str, site_url: str, fact: str) -> bool:
    return holds(section_text(href, site_url), fact)
