"""The one generation step: policy_data/ → a complete docs folder the site engine only renders.

    python -m site_build                     # writes build/generated_docs/ (what mkdocs renders)

`generate()` loads the policy ONCE, compiles checker/data/rules.json from it, renders every page
(the data pages, the checker form, FAQ, glossary, comparison, agent mode) and the calendars, and
writes them next to a copy of the hand-written docs/ into build/generated_docs/. The folder is
synchronised, not recreated: a file is written only when its bytes change and stale files are
removed, so `mkdocs serve` (which watches it) settles after one rebuild.

The mkdocs hook (site_build/mkdocs_hook.py) calls `generate()` from `on_config` so that a plain
`mkdocs build` works; for any other engine it also writes engine.yml beside the folder (site_build/engine_config.py),
the config with the nav spelled out, and site_build/engine.py renders and finishes.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from policy_build.loader import REPO_ROOT, load_policy
from policy_build.atomic import write_bytes_atomic
from policy_build.rules_export import rules_json_text

from site_build.generate.agent_page import render_agent_page
from site_build.generate.calendar_offer import calendar_path
from site_build.generate.calendars import notice_calendar
from site_build.generate.checker_page import RULES_JSON, questions_for_form, render_checker_page
from site_build.generate.compare import comparison
from site_build.generate.faq import render_faq
from site_build.generate.faq_glossary_files import load_faq, load_glossary
from site_build.generate.glossary import glossary_entries, term_names
from site_build import engine_config
from site_build.generate import page_registry
from site_build.generate.page_registry import SINGLE_KEYS
from site_build.generate.pages import PageContext, SiteData, render_pages
from site_build.generate.templating import bytecode_cache, page_environment  # noqa: F401 (the hook shares it)

HAND_WRITTEN_DOCS = REPO_ROOT / "docs"
DEV_DOCS = HAND_WRITTEN_DOCS / "dev"       # for maintainers (engines, decisions): never part of the site
GENERATED_DOCS = REPO_ROOT / "build" / "generated_docs"
ZENSICAL_DOCS = REPO_ROOT / "build" / "zensical" / "docs"     # its links differ (pages.PageContext)


@dataclass
class Generated:
    """What the engine needs besides the folder: the nav (page_registry, notices newest first), and
    the loaded policy (the finishing step's search index reads its keywords: no second load)."""
    docs_dir: Path
    nav: list[dict]
    written: list[str]          # paths whose bytes changed in this run
    policy: object = None
    texts: FaqAndGlossary | None = None


@dataclass
class FaqAndGlossary:
    """glossary.yaml and faq.yaml as read and checked once per build (the pages and the search index)."""
    terms: list[dict]
    questions: list[dict]
    faq_display: str

    @classmethod
    def load(cls, policy) -> "FaqAndGlossary":
        return cls(load_glossary(policy), *load_faq(policy))


def render_site(policy, rules: dict, today: dt.date | None = None, site_url: str = "",
                texts: FaqAndGlossary | None = None) -> dict[str, str | bytes]:
    """{docs path: content} of every generated file, from one loaded policy and its compiled rules."""
    site = SiteData(policy, has_checker=True, today=today or dt.date.today(), rules=rules)
    env = page_environment()
    texts = texts or FaqAndGlossary.load(policy)
    out: dict[str, str | bytes] = dict(render_pages(policy, site=site))
    form = questions_for_form(rules)      # one form, rendered on the checker and the agent page
    checker = PageContext("checker")
    out["checker.md"] = render_checker_page(checker.href(""), rules, form, checker.href("", as_built=True))

    terms = texts.terms
    page = PageContext("faq")
    faq = render_faq(site, page, texts.questions, term_names(terms), texts.faq_display)
    out["faq.md"] = env.get_template("faq_page.md.j2").render(site=site, page=page, faq=faq)

    page = PageContext("glossary")
    out["glossary.md"] = env.get_template("glossary_page.md.j2").render(
        site=site, page=page, terms=glossary_entries(policy, terms))

    page = PageContext("compare")
    sections = comparison(site)
    rows = [row for section in sections for row in section["rows"]]
    out["compare.md"] = env.get_template("compare_page.md.j2").render(
        site=site, page=page, sections=sections, total=len(rows), differing=sum(r["differs"] for r in rows))

    out["agent.md"] = render_agent_page(env, site, PageContext("agent"), faq, form)
    for notice in site.notices:
        out[calendar_path(notice.id)] = notice_calendar(site, notice, site_url)
    missing = [key for key in SINGLE_KEYS if f"{key}.md" not in out]
    if missing:     # the registry lists a page no renderer wrote: the nav would point nowhere
        raise ValueError(f"page_registry lists pages nothing renders: {missing}")
    return out


def generate(out_dir: Path = GENERATED_DOCS, site_url: str = "", today: dt.date | None = None,
             engine: str = "mkdocs") -> Generated:
    """Load the policy once and write the whole docs folder (and rules.json) where it changed.
    `engine`: the one that will render it ("zensical" resolves links against the source file)."""
    policy = load_policy()
    rules_text = rules_json_text(policy)
    _write_if_changed(RULES_JSON, rules_text)
    rules = json.loads(rules_text)      # exactly what the checker (and its wheel) will read
    files: dict[str, str | bytes] = {
        p.relative_to(HAND_WRITTEN_DOCS).as_posix(): p.read_bytes()
        for p in sorted(HAND_WRITTEN_DOCS.rglob("*")) if p.is_file() and DEV_DOCS not in p.parents
    }
    texts = FaqAndGlossary.load(policy)
    PageContext.source_relative = engine == "zensical"
    try:
        generated = render_site(policy, rules, today=today, site_url=site_url, texts=texts)
    finally:
        PageContext.source_relative = False
    clash = sorted(set(files) & set(generated))
    if clash:
        raise ValueError(f"docs/ 中的手写文件与生成的页面同名：{clash} (hand-written docs clash with generated pages)")
    files.update(generated)
    written = [path for path, content in files.items() if _write_if_changed(out_dir / path, content)]
    _remove_stale(out_dir, set(files))
    nav = page_registry.nav([n.id for n in policy.newest_first()])
    engine_config.write(out_dir, nav)
    return Generated(out_dir, nav, written, policy, texts)


def _write_if_changed(path: Path, content: str | bytes) -> bool:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_file() and path.read_bytes() == data:
        return False
    write_bytes_atomic(path, data)      # readers (mkdocs serve) never see half a file
    return True


def _remove_stale(out_dir: Path, keep: set[str]) -> None:
    for path in sorted(out_dir.rglob("*"), reverse=True):
        rel = path.relative_to(out_dir).as_posix()
        if path.is_file() and rel not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            shutil.rmtree(path)
