"""One clause-label format everywhere: every citation link on the built site, every citation the
CLI prints for a golden case, and the labels the checker ships to the browser (rules.json) name a
clause the same way (policy_build/clause_labels.py). The browser's own links: test_four_screens.py."""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

from checker import check

REPO = Path(__file__).resolve().parents[2]
CITE = re.compile(r'<a class="yzt-cite" href="([^"]*#[^"]+)"[^>]*>([^<]+)</a>')
sys.path.insert(0, str(REPO / "tests" / "checker"))
from golden import load_cases  # noqa: E402


def shipped_labels() -> dict[str, str]:
    """'notices/<id>/#<clause>' -> label, as rules.json gives it to the CLI and the browser."""
    rules = json.loads((REPO / "checker" / "data" / "rules.json").read_text(encoding="utf-8"))
    return {c["url"]: c["label"] for n in rules["notices"].values() for c in n["clauses"].values()}


def site_citations(site: Path) -> list[tuple[str, str, str]]:
    """(page, clause url relative to the site root, shown label without the document number)."""
    found = []
    for page in site.rglob("*.html"):
        if "pyodide" in page.parts:
            continue
        for href, text in CITE.findall(page.read_text(encoding="utf-8")):
            target = (page.parent / href.split("#")[0]).resolve()
            url = f"{target.relative_to(site.resolve()).as_posix()}/#{href.split('#')[1]}"
            shown = html.unescape(text).strip()
            found.append((str(page.relative_to(site)), url, shown.split(" ", 1)[1] if "号 " in shown else shown))
    return found


def test_site_cites_every_clause_with_the_checkers_label(built_site):
    labels = shipped_labels()
    citations = site_citations(Path(built_site.root))
    assert len(citations) > 100
    wrong = [(page, url, shown, labels.get(url)) for page, url, shown in citations if labels.get(url) != shown]
    assert not wrong, wrong[:10]


def test_cli_cites_every_clause_with_the_same_label():
    labels = shipped_labels()
    for case in load_cases():
        display = check(case["answers"])["display"]
        cites = [s["cite"] for s in display["reply"]] + [i["cite"] for sec in display["sections"] for i in sec["items"]]
        for cite in filter(None, cites):
            assert labels[cite["url"]] == cite["label"], (case["name"], cite)
