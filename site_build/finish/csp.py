"""The Content-Security-Policy for deploy/nginx.conf, with a sha256 hash for every inline script.

The site loads nothing from other hosts; Pyodide needs only 'wasm-unsafe-eval' (no eval). The theme
writes a few small inline scripts per page (their text varies with the page depth), so the policy
lists the hash of each distinct inline script found in the built HTML — found, not listed by hand, so
a theme upgrade or a new template keeps working after one `mkdocs build`. The build rewrites the one
`add_header Content-Security-Policy` line of deploy/nginx.conf when the hashes changed (commit it);
tests/deploy/ serves the built site with that file and fails on any CSP violation.
JSON data blocks (`<script type="application/json">`) are not executed and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from policy_build.atomic import write_text_atomic
from site_build.finish.asset_hashes import html_pages

REPO_ROOT = Path(__file__).resolve().parents[2]
NGINX_CONF = REPO_ROOT / "deploy" / "nginx.conf"
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CSP_LINE = re.compile(r'^(\s*add_header Content-Security-Policy ")[^"]*(" always;)$', re.M)


def inline_script_hashes(site: Path) -> list[str]:
    found = set()
    for page in html_pages(site):
        for match in _INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attrs = match.group("attrs")
            kind = re.search(r'\btype="([^"]*)"', attrs)
            if re.search(r"\bsrc=", attrs) or (kind and kind.group(1).lower() not in _EXECUTABLE_TYPES):
                continue
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            found.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(found)


def policy(script_hashes: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self' 'wasm-unsafe-eval'", *script_hashes]),
        "style-src 'self'",
        "img-src 'self' data:",  # the theme's icons are data: SVGs
        "worker-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def update_conf(site: Path, conf: Path = NGINX_CONF) -> bool:
    """Write the site's policy into the conf's CSP line; True when the file changed."""
    text = conf.read_text(encoding="utf-8")
    if not _CSP_LINE.search(text):
        raise ValueError(f"{conf}: no `add_header Content-Security-Policy \"…\" always;` line to update")
    new = _CSP_LINE.sub(lambda m: m.group(1) + policy(inline_script_hashes(site)) + m.group(2), text, count=1)
    if new == text:
        return False
    write_text_atomic(conf, new)
    return True
