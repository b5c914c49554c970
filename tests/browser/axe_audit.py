"""axe-core with the WCAG 2.x A/AA rules and its best-practice rules, reporting both violations and
what it leaves "needs review" (incomplete); test_layout.py and test_accessibility_axe.py want both
empty (issue 19).

One option is set: color-contrast leaves text made only of symbols ("←", "→" in the agent desk's key
help) as "needs review" by default (ignoreUnicode); told to measure them it does, so their contrast
is checked rather than skipped. The page is scrolled to the top first: axe measures contrast as
painted, and text scrolled under the sticky header would be measured against the header.
"""
from __future__ import annotations

from pathlib import Path

# Not imported from conftest: with tests/browser and tests/deploy in one run, "conftest" may name either.
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
_RUN = """async (tags) => {
    window.scrollTo(0, 0);
    const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete'],
                                       checks: {'color-contrast': {options: {ignoreUnicode: false}}}});
    const why = (n) => [...n.any, ...n.all, ...n.none].map(c => c.message).filter(Boolean).join('; ').slice(0, 200);
    const brief = (x) => ({id: x.id, impact: x.impact, nodes: x.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + why(n))});
    return {violations: r.violations.map(brief), incomplete: r.incomplete.map(brief)};
}"""


def audit(page) -> dict:
    """{violations: [...], incomplete: [...]}, each {id, impact, nodes (first 3 selectors)}."""
    if not AXE.is_file():
        raise AssertionError("node_modules/axe-core is missing: run `scripts/setup`")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(_RUN, RULES)
