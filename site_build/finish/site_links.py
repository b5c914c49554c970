"""Links that only hold when the public address is known: the 404 page and the sitemap.

Without `site_url` (mkdocs.yml reads it from $YZT_SITE_URL), MkDocs writes the 404 page with
root-absolute links (`/about/`), wrong under a sub-path, and a sitemap with no addresses. Then the 404
page gets links relative to the site's top folder (right for any missing page one level deep, which is
what nginx's `error_page` serves it for under the site root) and no sitemap is shipped — a sitemap
needs absolute URLs. With `site_url` set, MkDocs' own absolute links and sitemap are right and kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from policy_build.atomic import write_text_atomic

_ROOT_ABSOLUTE = re.compile(r'(\s(?:src|href)=")/(?!/)')
# The theme's own root-absolute references in the 404 page: its JSON config and its storage scope.
_THEME_ROOT = (('"base": "/"', '"base": "."'), ('"search": "/assets/', '"search": "./assets/'),
               ('__md_scope=new URL("/",location)', '__md_scope=new URL(".",location)'))


def fix_without_site_url(site: Path, site_url: str) -> None:
    if site_url:
        return
    page = site / "404.html"
    if page.is_file():
        text = _ROOT_ABSOLUTE.sub(r"\1./", page.read_text(encoding="utf-8"))
        for old, new in _THEME_ROOT:
            text = text.replace(old, new)
        write_text_atomic(page, text)
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site / name).unlink(missing_ok=True)
