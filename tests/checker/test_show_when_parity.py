"""Issue 20: one condition language. The form decides which questions to show in JS (before Pyodide is
up); the checker ignores answers to questions the form would not show (checker/verdict.without_hidden).
Both must read `show_when` the same way: for every question's compiled show_when (rules.json, what the
page carries in data-show-when) and the answers of every golden case, plus variants that probe each
test kind (case, spaces, a trailing 专业, names_any, except_names, numbers vs booleans), form.js
`matchesAll` must equal `checker.conditions.eval_when(...)[0] is True`.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from checker.conditions import eval_when
from golden import load_cases

REPO = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("show_when_parity.mjs")
RULES = REPO / "checker" / "data" / "rules.json"

# Condition tests the schema allows in show_when, beyond what today's questions use: they must agree too.
PROBE_WHENS = [
    {"specialty": {"names_any": ["风景园林", "Big Data"]}},
    {"specialty": {"contains_any": ["林业", "AI"], "except_names": ["林业工程"]}},
    {"specialty": {"not": {"names_any": ["机械"]}}},
    {"skill_work_years": {"min": 3}}, {"skill_work_years": {"max": 3}},
    {"retired": False}, {"level": ["intermediate", "deputy_senior"]}, {"level": {"not": ["intermediate"]}},
]
PROBE_VALUES = ["风景园林", "风景园林专业", " 风景 园林 ", "big data", "BIG DATA专业", "林业工程", "林业 工程专业",
                "林业", "城市林业", "ai工程", "机械", "机械专业", "intermediate", 3, 2, 4, 3.0, True, False, 0, 1, ""]


def parity_pairs() -> list[tuple[dict, dict]]:
    rules = json.loads(RULES.read_text(encoding="utf-8"))
    whens = [q["show_when"] for q in rules["questions"] if q.get("show_when")] + PROBE_WHENS
    answer_sets = [{k: v for k, v in case["answers"].items() if isinstance(v, (str, int, float, bool))}
                   for case in load_cases()]
    pairs = [(when, answers) for when in whens for answers in answer_sets]
    for when in whens:       # each value in place of each tested answer, the others from the first case
        for key in when:
            pairs += [(when, {**answer_sets[0], key: value}) for value in PROBE_VALUES]
            pairs.append((when, {k: v for k, v in answer_sets[0].items() if k != key}))     # unanswered
    return pairs


def test_form_js_shows_exactly_the_questions_the_checker_keeps():
    node = shutil.which("node")
    if not node:
        pytest.fail("node is not installed (scripts/setup installs it)")
    pairs = parity_pairs()
    run = subprocess.run([node, "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", str(RUNNER)],
                         input=json.dumps(pairs, ensure_ascii=False), capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    in_js = json.loads(run.stdout)
    in_python = [eval_when(when, answers)[0] is True for when, answers in pairs]
    differ = [(when, answers, js) for (when, answers), js, py in zip(pairs, in_js, in_python) if js != py]
    assert not differ, f"{len(differ)} of {len(pairs)} differ, e.g. {differ[:3]}"
    outcomes: dict[str, set[bool]] = {}
    for (when, _), shown in zip(pairs, in_python):
        outcomes.setdefault(json.dumps(when, ensure_ascii=False), set()).add(shown)
    one_sided = [when for when, seen in outcomes.items() if seen != {True, False}]
    assert not one_sided, f"these show_when were never both shown and hidden: {one_sided}"
