"""Content-hashed URLs for the site's own JS and CSS (what docs/assets/ holds).

The files keep their names and relative layout (checker.js still imports `./runtime.js`, agent.js
`../checker/form.js`): the whole set moves to `assets/<hash>/…`, where <hash> is taken over every moved
byte, and every `src`/`href` in the built HTML that pointed at one of them is rewritten. A deploy
therefore changes the URL of anything that changed, and the server can mark `assets/<hash>/` immutable.
The theme's own bundles are already hashed by Material (`bundle.<hash>.min.js`); Pyodide gets its own
hashed folder (site_build/finish/pyodide_vendor.py).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import shutil
from pathlib import Path

from policy_build.atomic import write_text_atomic

HASH_LENGTH = 16  # deploy/nginx.conf matches assets/<16 hex>/
_URL_ATTR = re.compile(r'(\s(?:src|href)=")([^"#?]*)([^"]*")')


def _tree_hash(paths: list[Path], base: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:HASH_LENGTH]


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def rewrite_urls(site: Path, page: Path, moved: dict[str, str], base_path: str = "/") -> None:
    """Point every src/href of `page` that names a key of `moved` (site paths) at its value. Relative
    URLs stay relative; path-absolute ones (the 404 page when site_url is set) keep `base_path`."""
    here = page.parent.relative_to(site).as_posix()
    here = "" if here == "." else here

    def swap(match: re.Match) -> str:
        url = match.group(2)
        if not url or "://" in url or url.startswith(("//", "data:", "mailto:", "tel:")):
            return match.group(0)
        if url.startswith("/"):
            target = url[len(base_path):] if url.startswith(base_path) else None
            if target in moved:
                return match.group(1) + base_path + moved[target] + match.group(3)
            return match.group(0)
        target = posixpath.normpath(posixpath.join(here, url))
        if target not in moved:
            return match.group(0)
        return match.group(1) + posixpath.relpath(moved[target], here or ".") + match.group(3)

    text = page.read_text(encoding="utf-8")
    new = _URL_ATTR.sub(swap, text)
    if new != text:
        write_text_atomic(page, new)


def version_assets(site: Path, docs_assets: Path, base_path: str = "/") -> str:
    """Move the built copies of docs/assets/* to assets/<hash>/ and rewrite the HTML; returns the folder."""
    assets = site / "assets"
    tops = [assets / entry.name for entry in sorted(docs_assets.iterdir()) if (assets / entry.name).exists()]
    files = sorted(f for top in tops for f in ([top] if top.is_file() else top.rglob("*")) if f.is_file())
    folder = assets / _tree_hash(files, assets)
    folder.mkdir()
    for top in tops:
        shutil.move(top, folder / top.name)
    moved = {f.relative_to(site).as_posix(): (folder / f.relative_to(assets)).relative_to(site).as_posix()
             for f in files}
    for page in html_pages(site):
        rewrite_urls(site, page, moved, base_path)
    return folder.relative_to(site).as_posix()
