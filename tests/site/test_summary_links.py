"""Every golden case's copied summary (issue 18): the checker's short text — at most 600 characters
besides its link, the answers first — and a link that reopens the identical result.

The link's fragment is built and read back by the page's own code (form.js, in Node); the result for
what the page reads back is compared with the golden case's own result (CPython's checker, the same
package the page runs in Pyodide; tests/pyodide covers that parity). A browser sample of the same is
in tests/browser/test_result_print_and_copy.py.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import check

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "checker"))
from golden import load_cases  # noqa: E402  (the one loader of the golden cases)

SCRIPT = Path(__file__).with_name("summary_links.mjs")
SUMMARY_LIMIT = 600


def _comparable(result: dict) -> dict:
    return {key: value for key, value in result.items() if key != "answers"}


def test_every_golden_summary_is_short_starts_with_the_answers_and_its_link_reopens_it():
    if shutil.which("node") is None:
        pytest.fail("node is required (run scripts/setup)")
    rules = json.loads((REPO / "checker" / "data" / "rules.json").read_text(encoding="utf-8"))
    asked = {q["key"]: q for q in rules["questions"] if q.get("form")}
    cases = [c for c in load_cases() if not check(c["answers"])["errors"]]
    # What the page can carry in its link: the form's questions (a case that also fixes `today` is
    # checked as of the same day in both runs, so only the form's keys travel).
    fixed = [{k: v for k, v in c["answers"].items() if k not in asked} for c in cases]
    proc = subprocess.run(["node", str(SCRIPT), str(REPO / "checker" / "data" / "rules.json")],
                          input=json.dumps([{k: v for k, v in c["answers"].items() if v is not None} for c in cases]),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    links = json.loads(proc.stdout)
    longest = 0
    for case, extra, link in zip(cases, fixed, links, strict=True):
        # An explicit null is "not answered": a form never sends it, so neither does its link.
        sent = {k: v for k, v in case["answers"].items() if k in asked and v is not None}
        result = check({**sent, **extra})
        summary = result["display"]["summary"]
        text = "\n".join(summary["lines"])
        longest = max(longest, len(text))
        assert len(text) <= SUMMARY_LIMIT, (case["name"], len(text))
        first_label = next(asked[k]["label"] for k in asked if k in sent)   # the form's first answered question
        assert text.startswith(first_label + "："), case["name"]
        assert link["answers"] == sent, case["name"]                        # the link carries exactly the answers
        assert _comparable(check({**link["answers"], **extra})) == _comparable(result), case["name"]
    print(f"\n{len(cases)} golden summaries, longest {longest} characters besides the link")
