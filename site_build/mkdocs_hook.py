"""The one mkdocs hook: what mkdocs cannot get from the generated docs folder by itself.

Listed under `hooks:` in mkdocs.yml. The pages themselves are written beforehand by
site_build/generate.py; this hook only
- runs that step (so a plain `mkdocs build` / `mkdocs serve` works) and points `docs_dir` at
  its output, build/generated_docs/ (mkdocs.yml keeps `docs_dir: docs`, the hand-written source,
  because mkdocs refuses a docs_dir that does not exist yet on a fresh checkout);
- fills the nav's 通知原文 entry with one page per notices/<id>/ folder, newest first
  (mkdocs has no nav glob);
- watches policy_data/, docs/, site_build/, checker/ and pyproject.toml so `mkdocs serve` reloads
  on data and code edits;
- gives the theme's Jinja environment the same on-disk bytecode cache as ours (on_env);
- vendors Pyodide + the checker wheel (site_build/pyodide_vendor.py: made or found in its cache in
  on_config, so a missing runtime fails the build before any page is rendered);
- after the build: writes the site search index, cut from the built pages
  (site_build/search_index.py), copies the runtime in and finishes the site
  (site_build/post_build.py). Further post-build steps belong there.
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    # mkdocs puts .venv/bin, not the repo, on sys.path; appended so an installed copy never shadows it.
    sys.path.append(str(REPO_ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from policy_build.errors import PolicyError  # noqa: E402
from site_build import post_build, pyodide_vendor  # noqa: E402
from site_build.generate import GENERATED_DOCS, generate  # noqa: E402
from site_build.search_index import write_index  # noqa: E402
from site_build.templating import bytecode_cache  # noqa: E402

NOTICES_NAV = "notices/"     # the placeholder the 通知原文 nav entry points at in mkdocs.yml
WATCHED = ("policy_data", "docs", "site_build", "overrides", "checker", "pyproject.toml")
_built: dict = {}      # the policy generate() loaded, for the post-build steps of the same build


def on_config(config, **kwargs):
    try:
        generated = generate(GENERATED_DOCS, site_url=config.get("site_url") or "")
    except PolicyError as exc:      # the data's own message, not a traceback
        raise PluginError(f"policy_data 数据有误 (invalid policy data):\n{exc}") from None
    _built["generated"] = generated
    try:        # generate() has just written checker/data/rules.json: nothing to refresh
        _built["pyodide"] = pyodide_vendor.vendor_dir(rules_current=True)
    except pyodide_vendor.VendorError as exc:
        raise PluginError(str(exc)) from None
    config["docs_dir"] = str(generated.docs_dir)
    config["nav"] = _with_notice_pages(config.get("nav"), generated.notice_pages)
    for watched in WATCHED:
        path = str(REPO_ROOT / watched)
        if path not in config.watch:
            config.watch.append(path)
    return config


def on_env(env, config, files, **kwargs):
    """The theme's own templates, compiled once and reused by later builds."""
    env.bytecode_cache = bytecode_cache()
    return env


def on_post_build(config, **kwargs):
    generated = _built["generated"]
    site = Path(config["site_dir"])
    write_index(site, generated.policy, generated.texts)
    # then the finished site is hashed, given its worker start and CSP, and compressed
    post_build.finish_site(site, pyodide_vendor.copy_into(site, _built["pyodide"]), config.get("site_url") or "")


def _with_notice_pages(nav, notice_pages: list[str]):
    """Replace the `notices/` placeholder (at any depth) with the notice pages."""
    if isinstance(nav, list):
        return [_with_notice_pages(entry, notice_pages) for entry in nav]
    if isinstance(nav, dict):
        return {title: _with_notice_pages(value, notice_pages) for title, value in nav.items()}
    return list(notice_pages) if nav == NOTICES_NAV else nav
