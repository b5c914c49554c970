"""The checker page's fragment/query parser (form.js) under 10,000 seeded hostile URLs, in Node:
it never throws (#q-% used to raise URIError), reads only the form's own questions (utm_* and
unknown keys are dropped), never yields Infinity/NaN, and round-trips through toParams."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("fuzz_fragment_parser.mjs")


def test_fragment_parser_fuzz():
    if shutil.which("node") is None:
        pytest.fail("node is required (run scripts/setup)")
    proc = subprocess.run(["node", str(SCRIPT), str(REPO / "checker" / "data" / "rules.json"), "10000", "14"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert report["inputs"] == 10_000
    assert report["failed"] == 0, report["failures"]
