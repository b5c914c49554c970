"""Pages that start the checker runtime (the checker and agent pages) get a build-time addition:
`<meta name="yzt-pyodide">` naming the content-hashed Pyodide folder (runtime.js reads it), and
   preload hints for the Pyodide files, so their download starts while the page is still parsed rather
   than after the worker has booted. The hints are added by a small inline script (its CSP hash is
   collected like the theme's) only where WebAssembly exists: other browsers get the fallback and
   must not download 8 MB they cannot use.
(The site search index never competes with Pyodide: docs/assets/search/ fetches it on the first use of a
search box, on every page.) A page is such a page when it loads one of RUNTIME_ENTRIES as a module script.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from site_build.asset_hashes import html_pages

RUNTIME_ENTRIES = ("checker/checker.js", "agent/agent.js")  # paths inside the hashed assets folder
# (file, how the worker fetches it): module scripts are imported, the rest fetched with CORS mode.
PRELOADS = (
    ("pyodide.mjs", "modulepreload"),
    ("pyodide.asm.mjs", "modulepreload"),
    ("pyodide.asm.wasm", "fetch"),
    ("snapshot.bin", "fetch"),
    ("python_stdlib.zip", "fetch"),
    ("pyodide-lock.json", "fetch"),
)


# The same text on every page and in every build (the file list and folder are in the meta tag), so its
# CSP hash in deploy/nginx.conf does not change when the checker or its rules do.
HINT_SCRIPT = ('<script>if(typeof WebAssembly==="object"){const m=document.querySelector("meta[name=yzt-pyodide]");'
               'for(const f of m.dataset.preload.split(" ")){const[n,k]=f.split(":"),l=document.createElement("link");'
               'if(k==="modulepreload")l.rel=k;else{l.rel="preload";l.as=k;l.crossOrigin="anonymous"}'
               'l.href=m.content+n;document.head.append(l)}}</script>')


def add_runtime_hints(site: Path, assets_folder: str, pyodide_folder: str) -> list[str]:
    """Insert the hints into every runtime page; returns the pages changed (site paths)."""
    entries = [f"{assets_folder}/{entry}" for entry in RUNTIME_ENTRIES]
    present = {name for name, _ in PRELOADS if (site / pyodide_folder / name).is_file()}
    preload = " ".join(f"{name}:{kind}" for name, kind in PRELOADS if name in present)
    changed = []
    for page in html_pages(site):
        here = page.parent.relative_to(site).as_posix()
        here = "" if here == "." else here
        text = page.read_text(encoding="utf-8")
        sources = {posixpath.normpath(posixpath.join(here, src))
                   for src in re.findall(r'<script type="module" src="([^"]+)"', text)}
        if not sources.intersection(entries):
            continue
        rel = lambda target: posixpath.relpath(target, here or ".")  # noqa: E731
        hints = [f'<meta name="yzt-pyodide" content="{rel(pyodide_folder)}/" data-preload="{preload}">', HINT_SCRIPT]
        text = text.replace("</head>", "".join(hints) + "</head>", 1)
        page.write_text(text, encoding="utf-8")
        changed.append(page.relative_to(site).as_posix())
    return changed
