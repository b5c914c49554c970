"""The engine step: render the generated docs folder into a site with Material for MkDocs or Zensical.

    python -m site_build build [--engine mkdocs|zensical]     (scripts/build; YZT_ENGINE= also picks)

mkdocs (the default) reads the repository's mkdocs.yml; its hook runs generation and the finishing
step. Zensical runs no hooks, so here: generate into build/zensical/docs/ (its links are written
relative to the source file: pages.PageContext) → `zensical build -f build/zensical/engine.yml` (the
config generation wrote) → its output moved to SITE_DIR → finish. Both give the same site
(tests/site/test_engines.py); what Zensical cannot do is in docs/dev/engines.md.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from policy_build.loader import REPO_ROOT

ENGINES = ("mkdocs", "zensical")
DEFAULT_SITE = REPO_ROOT / "site"


class EngineError(Exception):
    """The engine is missing or failed: a message, not a traceback."""


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name      # the venv running us
    found = str(here) if here.is_file() else shutil.which(name)
    if not found:
        raise EngineError(f"找不到 {name}：请先运行 scripts/setup (engine not installed)")
    return found


def _run(cmd: list[str]) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(cmd, cwd=REPO_ROOT, env=env)
    if done.returncode:
        raise EngineError(f"{' '.join(cmd)} 失败 (exit {done.returncode})")


def build(engine: str, site_dir: Path | None = None) -> Path:
    site = Path(site_dir or DEFAULT_SITE).resolve()
    if engine == "mkdocs":
        _run([_tool("mkdocs"), "build", "--strict", "--quiet", "--site-dir", str(site)])
        return site
    if engine != "zensical":
        raise EngineError(f"未知的引擎 {engine}，可用：{', '.join(ENGINES)} (unknown engine)")
    from site_build.engine_config import ENGINE_SITE, NAME
    from site_build.finish import finish
    from site_build.generate import ZENSICAL_DOCS, generate

    generated = generate(ZENSICAL_DOCS, site_url=os.environ.get("YZT_SITE_URL", ""), engine="zensical")
    out = ZENSICAL_DOCS.parent / ENGINE_SITE
    _run([_tool("zensical"), "build", "--clean", "-f", str(ZENSICAL_DOCS.parent / NAME)])
    if site.exists():
        shutil.rmtree(site)
    site.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(out), site)
    finish(site, os.environ.get("YZT_SITE_URL", ""), generated.policy, generated.texts)
    return site
