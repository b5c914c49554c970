"""MkDocs hook (listed in mkdocs.yml `hooks:` after site_build/hooks.py): the extras pages.

Adds faq.md, glossary.md, compare.md, agent.md and calendar/<notice>.ics as generated files,
and puts a 加入日历 link under each notice's heading on the timeline page.
"""
from __future__ import annotations

import posixpath
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))

from mkdocs.structure.files import File  # noqa: E402

TIMELINE_PAGE = "timeline.md"
_notice_ids: list[str] = []     # set in on_files, read by on_page_markdown


def on_config(config, **kwargs):
    for watched in (REPO_ROOT / "policy_data", REPO_ROOT / "site_build", REPO_ROOT / "docs" / "assets" / "agent"):
        if str(watched) not in config.watch:
            config.watch.append(str(watched))
    return config


def on_files(files, config, **kwargs):
    from policy_build.loader import load_policy
    from site_build.extras.agent_page import render_agent_page
    from site_build.extras.render import render_extras

    policy = load_policy()
    _notice_ids[:] = list(policy.notices)
    for path, content in render_extras(policy, site_url=config.get("site_url") or "",
                                       agent_page=render_agent_page).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    if page.file.src_uri != TIMELINE_PAGE:
        return markdown
    from site_build.extras.render import calendar_path

    for notice_id in _notice_ids:
        heading = re.compile(r"^##[^\n]*\{[^}\n]*#" + re.escape(notice_id) + r"[\s}][^\n]*$", re.MULTILINE)
        found = heading.search(markdown)
        if not found:
            # The timeline template changed its headings: fail the build instead of losing the link.
            raise ValueError(f"timeline.md: no heading with anchor #{notice_id} for its 加入日历 link (site_build/extras/hooks.py)")
        href = posixpath.relpath(calendar_path(notice_id), page.url.rstrip("/") or ".")
        link = (f'\n<p class="yzt-calendar-link"><a href="{href}" download '
                f'type="text/calendar">加入日历</a>（.ics 文件，可导入手机或电脑日历）</p>\n')
        markdown = markdown[:found.end()] + "\n" + link + markdown[found.end():]
    return markdown
