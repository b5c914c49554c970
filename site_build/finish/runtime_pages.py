"""Pages that run the checker (the checker and agent pages) start its worker from <head>.

Their module scripts run only once the whole page is parsed; the worker, which does all the slow work
(its first act is to request the Pyodide memory snapshot), starts from a small inline script in <head>
instead, placed before the first stylesheet (an inline script after a stylesheet waits for it to load),
and keeps the messages it gets until docs/assets/checker/runtime.js takes it over. Each such page also
gets the guard (docs/assets/checker/guard.js) there, `async`: it must run even when the page's script
stalls mid-download, which also holds back DOMContentLoaded.
`<meta name="yzt-worker">` names the worker with the content-hashed Pyodide folder in its fragment
(relative to the worker, never sent to the server). The script's text is the same on every page and in
every build, so its CSP hash in deploy/nginx.conf does not change when the checker or its rules do.
No preload hints: the worker requests every runtime file itself as early, and a document's preload was a
second read of the same files from the HTTP cache on every later visit, which made warm starts slower.
(The site search index never competes with Pyodide: docs/assets/search/ fetches it on the first use of a
search box, on every page.) A page is such a page when it loads one of RUNTIME_ENTRIES as a module script.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from policy_build.atomic import write_text_atomic
from site_build.finish.asset_hashes import html_pages

RUNTIME_ENTRIES = ("checker/checker.js", "agent/agent.js")  # paths inside the hashed assets folder
WORKER = "checker/worker.js"
GUARD = "checker/guard.js"  # watches whichever entry the page loads (the template marks what)

# Where WebAssembly and module workers exist; other browsers get the fallback from runtime.js and must not
# download a runtime they cannot use. Errors are kept too: the page shows them once runtime.js is running.
START_SCRIPT = ('<script>if(typeof WebAssembly==="object"&&typeof Worker==="function")try{'
                'const u=document.querySelector("meta[name=yzt-worker]").content,'
                'w=new Worker(new URL(u,location.href),{type:"module"}),q=[];'
                'w.onmessage=w.onerror=e=>{e.type==="error"&&e.preventDefault();q.push(e)};'
                'self.yztWorker={worker:w,early:q}}catch(e){}</script>')


def add_worker_start(site: Path, assets_folder: str, pyodide_folder: str) -> list[str]:
    """Insert the worker's start into every runtime page; returns the pages changed (site paths)."""
    entries = [f"{assets_folder}/{entry}" for entry in RUNTIME_ENTRIES]
    worker = f"{assets_folder}/{WORKER}"
    fragment = posixpath.relpath(pyodide_folder, posixpath.dirname(worker)) + "/"
    changed = []
    for page in html_pages(site):
        here = page.parent.relative_to(site).as_posix()
        here = "" if here == "." else here
        text = page.read_text(encoding="utf-8")
        sources = {posixpath.normpath(posixpath.join(here, src))
                   for src in re.findall(r'<script type="module" src="([^"]+)"', text)}
        if not sources.intersection(entries):
            continue
        start = f'<meta name="yzt-worker" content="{posixpath.relpath(worker, here or ".")}#{fragment}">{START_SCRIPT}'
        start += f'<script async src="{posixpath.relpath(f"{assets_folder}/{GUARD}", here or ".")}"></script>'
        head = text[:text.index("</head>")]
        first_style = head.find('<link rel="stylesheet"')
        at = first_style if first_style >= 0 else len(head)
        text = text[:at] + start + text[at:]
        write_text_atomic(page, text)
        changed.append(page.relative_to(site).as_posix())
    return changed
