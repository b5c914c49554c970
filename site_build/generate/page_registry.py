"""The one list of the site's pages: nav order and title, how each is rendered, how search treats it.

Read by generation (which pages to write), the engine config (the nav), the search index (which
pages and what kind of section) and the glossary reader (which page keys a term may name).
`notices` stands for one page per policy_data/notices/<id>/ folder, newest first.
"""
from __future__ import annotations

from dataclasses import dataclass

NOTICES = "notices"


@dataclass(frozen=True)
class Page:
    key: str                    # src_uri without ".md"; the page's URL is key + "/"
    title: str                  # nav title
    template: str | None        # rendered by pages.render_pages; None: by its own module (generate.py)
    search: str | None          # section kind in the search index; None: not indexed


PAGES = (
    Page("index", "首页", "start.md.j2", "page"),
    Page("checker", "检查是否符合条件", None, None),     # a tool: its text is the site's own UI
    Page("routes", "申报路径", "routes.md.j2", "answer"),
    Page("timeline", "时间安排", "timeline.md.j2", "answer"),
    Page("fees", "评审费", "fees.md.j2", "answer"),
    Page("offices", "区县职改办通讯录", "offices.md.j2", "answer"),
    Page("evidence", "佐证材料与评审规则", "evidence.md.j2", "answer"),
    Page("contacts", "咨询电话与防骗提醒", "contacts.md.j2", "answer"),
    Page("faq", "常见问题", None, "answer"),
    Page("glossary", "术语表", None, "term"),
    Page("compare", "通知对比", None, None),           # repeats the topic pages side by side
    Page("agent", "坐席模式", None, None),
    Page(NOTICES, "通知原文", "notice.md.j2", "clause"),
    Page("references", "引用文件", "references.md.j2", "page"),
    Page("about", "关于本站", "about.md.j2", "page"),
)
BY_KEY = {page.key: page for page in PAGES}
# Page keys a glossary term may point searchers at (the notice pages are reached by clause instead).
SINGLE_KEYS = tuple(page.key for page in PAGES if page.key != NOTICES)


def notice_src(notice_id: str) -> str:
    return f"{NOTICES}/{notice_id}.md"


def nav(notice_ids: list[str]) -> list[dict]:
    """The engine's nav: every page in order, the notices (newest first) under one entry."""
    return [{page.title: [notice_src(n) for n in notice_ids] if page.key == NOTICES else f"{page.key}.md"}
            for page in PAGES]


def search_kind(page_key: str) -> str | None:
    """"notices/2025-bigdata" -> "clause"; a page the registry marks unindexed -> None; any other
    built page (a hand-written one in docs/) -> "page"."""
    page = BY_KEY.get(page_key.split("/")[0])
    return page.search if page else "page"
