"""The engine config generation writes next to the generated docs: mkdocs.yml with the nav filled in.

Zensical reads mkdocs.yml but runs no hooks, and wants docs_dir and site_dir inside the config's
folder; so the generation step writes engine.yml beside the docs folder (for Zensical:
build/zensical/engine.yml): the repository's mkdocs.yml with
- docs_dir → the generated folder, site_dir → engine_site/ beside it (site_build/engine.py moves it),
- custom_dir → the repository's overrides/, the hook removed (nothing is left for it to do),
- the nav from site_build/generate/page_registry.py (one page per notice folder, newest first).
`mkdocs build` itself still reads the repository's mkdocs.yml; its hook sets the same nav.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from policy_build.atomic import write_bytes_atomic
from policy_build.loader import REPO_ROOT

SOURCE = REPO_ROOT / "mkdocs.yml"
NAME = "engine.yml"
ENGINE_SITE = "engine_site"


def config_text(source: str, docs_dir: str, custom_dir: str, nav: list[dict]) -> str:
    edits = (
        (r"^docs_dir:.*$", f"docs_dir: {docs_dir}"),
        (r"^site_dir:.*$", f"site_dir: {ENGINE_SITE}"),
        (r"^(\s+custom_dir:).*$", rf"\1 {custom_dir}"),
        (r"^hooks:\n(?:[ \t]+-.*\n)+", ""),
    )
    text = source
    for pattern, replacement in edits:
        text, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
        if count != 1:      # mkdocs.yml changed shape: say so rather than write a config that misleads
            raise ValueError(f"mkdocs.yml: no line matches {pattern!r} (site_build/engine_config.py)")
    if re.search(r"^nav:", text, flags=re.M):
        raise ValueError("mkdocs.yml must not list a nav: it comes from site_build/generate/page_registry.py")
    # JSON is YAML: one line, no quoting rules of our own
    return text.rstrip("\n") + "\n\nnav: " + json.dumps(nav, ensure_ascii=False) + "\n"


def write(docs_dir: Path, nav: list[dict]) -> Path:
    """Write <docs_dir's parent>/engine.yml for this docs folder; return its path."""
    folder = docs_dir.parent
    custom = os.path.relpath(REPO_ROOT / "overrides", folder)
    text = config_text(SOURCE.read_text(encoding="utf-8"), docs_dir.name, custom, nav)
    target = folder / NAME
    data = text.encode("utf-8")
    if not (target.is_file() and target.read_bytes() == data):
        write_bytes_atomic(target, data)
    return target
