"""Parity: the checker gives byte-identical JSON in CPython and in real Pyodide.

Pyodide runs in Node from the same vendored folder the site ships (Pyodide files + the checker wheel
registered in pyodide-lock.json), so this also proves the wheel loads by name with its sha256 checked.
All cases run in one Node process: booting Pyodide costs seconds, a case costs microseconds.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from checker import check_json
from notice_folders import golden_cases
from site_build.finish.pyodide_vendor import vendor_dir

REPO_ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("run_cases.mjs")

# Invalid inputs too: the Chinese error messages must match as well.
EXTRA_INPUTS = [
    "{}",
    '{"notice": "2030-unknown"}',
    '{"notice": "2025-bigdata", "insurance_months": "十二"}',
    '{"notice": "2023-manufacturing", "today": "2020-02-30"}',
    '{"notice": "2025-bigdata", "no_such_key": true}',
    "[1, 2]",
    "not json",
]


def golden_answers() -> list[tuple[str, str]]:
    cases = golden_cases()
    out = []
    for index, case in enumerate(cases):
        name = str(case.get("id") or case.get("name") or index)
        out.append((name, json.dumps(case["answers"], ensure_ascii=False, sort_keys=True, default=str)))
    return out


def _run_in_pyodide(tmp_path_factory, *mode: str) -> dict[str, dict]:
    if shutil.which("node") is None:
        pytest.fail("node is required for the Pyodide parity test (run scripts/setup)")
    texts = [text for _, text in golden_answers()] + EXTRA_INPUTS
    work = tmp_path_factory.mktemp("parity")
    (work / "inputs.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(
        ["node", str(RUNNER), str(vendor_dir()), str(work / "inputs.json"), str(work / "outputs.json"), *mode],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    outputs = json.loads((work / "outputs.json").read_text(encoding="utf-8"))
    assert len(outputs) == len(texts)
    return dict(zip(texts, outputs))


@pytest.fixture(scope="module")
def pyodide_outputs(tmp_path_factory):
    return _run_in_pyodide(tmp_path_factory)


@pytest.fixture(scope="module")
def snapshot_outputs(tmp_path_factory):
    """The same inputs in Pyodide restored from the build's memory snapshot (site_build/finish/snapshot.py)."""
    if not (vendor_dir() / "snapshot.bin").is_file():
        pytest.fail("the build made no Pyodide snapshot (see the mkdocs build output)")
    return _run_in_pyodide(tmp_path_factory, "snapshot")


def test_golden_table_is_not_empty():
    assert len(golden_answers()) >= 50


@pytest.mark.parametrize("name,text", golden_answers() + [(f"extra-{i}", t) for i, t in enumerate(EXTRA_INPUTS)])
def test_pyodide_output_is_byte_identical(pyodide_outputs, name, text):
    in_pyodide = pyodide_outputs[text]
    assert "error" not in in_pyodide, f"Python raised in Pyodide for {name}: {in_pyodide.get('error')}"
    assert in_pyodide["out"].encode("utf-8") == check_json(text).encode("utf-8"), name


@pytest.mark.parametrize("name,text", golden_answers() + [(f"extra-{i}", t) for i, t in enumerate(EXTRA_INPUTS)])
def test_pyodide_output_matches_the_result_schema(pyodide_outputs, name, text):
    schema = json.loads((REPO_ROOT / "checker" / "result.schema.json").read_text(encoding="utf-8"))
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(json.loads(pyodide_outputs[text]["out"]))]
    assert errors == [], name


@pytest.mark.parametrize("name,text", golden_answers() + [(f"extra-{i}", t) for i, t in enumerate(EXTRA_INPUTS)])
def test_snapshot_restore_gives_the_same_output_as_a_normal_boot(pyodide_outputs, snapshot_outputs, name, text):
    assert snapshot_outputs[text] == pyodide_outputs[text], name
