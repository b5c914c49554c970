"""Fuzz `check_json` inside real Pyodide (Node + the vendored runtime and wheel the site ships):
10,000 seeded inputs, 0 Python exceptions, every output ≤ 64 KB of canonical JSON, and on a sample
byte-identical to CPython (issue 14). The corpus opens with the typed-text table (issue 21 finding 5:
U+3000, NBSP, tab, ZWJ, soft hyphen …): each is compared with CPython, so the browser reads such text
exactly as the CLI does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from checker import check_json
from fuzz_corpus import TYPED_TEXT, fuzz_inputs
from site_build.finish.pyodide_vendor import vendor_dir

RUNNER = Path(__file__).with_name("run_cases.mjs")
FUZZ_INPUTS = 10_000
OUTPUT_LIMIT = 64 * 1024


def test_fuzz_check_json_in_pyodide(tmp_path):
    if shutil.which("node") is None:
        pytest.fail("node is required for the Pyodide fuzz test (run scripts/setup)")
    # The worker hands Python a JS string: text, so undecodable bytes arrive as U+FFFD.
    texts = [data.decode("utf-8", "replace") for data in fuzz_inputs(seed=1410, count=FUZZ_INPUTS)]
    (tmp_path / "inputs.json").write_text(json.dumps(texts), encoding="utf-8")
    proc = subprocess.run(["node", str(RUNNER), str(vendor_dir()), str(tmp_path / "inputs.json"),
                           str(tmp_path / "outputs.json")], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    outputs = json.loads((tmp_path / "outputs.json").read_text(encoding="utf-8"))
    assert len(outputs) == FUZZ_INPUTS
    raised = [(text, out["error"]) for text, out in zip(texts, outputs) if "error" in out]
    assert raised == []
    for index, (text, out) in enumerate(zip(texts, outputs)):
        assert len(out["out"].encode("utf-8")) <= OUTPUT_LIMIT
        result = json.loads(out["out"])
        assert "Traceback" not in out["out"] and not any(e["field"] == "(checker)" for e in result["errors"])
        if index < len(TYPED_TEXT):
            assert result["errors"] == [], text         # typed text is accepted in the browser too
        if index % 20 == 0 or index < len(TYPED_TEXT):   # the table + 500 samples: CPython's answer, byte for byte
            assert out["out"] == check_json(text), text
