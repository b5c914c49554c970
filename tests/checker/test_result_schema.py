"""checker/result.schema.json describes every golden result and every invalid-input result
(CPython here; tests/pyodide/test_parity.py validates the Pyodide outputs against it too)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checker import check, check_json
from golden import load_cases

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "checker" / "result.schema.json"
CASES = load_cases()
INVALID = ["{}", '{"notice": "2025-bigdata", "insurance_months": "十二"}', "[1, 2]", "not json"]


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


VALIDATOR = validator()


def problems(result: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(result)]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_result_matches_the_schema(case):
    assert problems(json.loads(check_json(json.dumps(case["answers"], ensure_ascii=False)))) == []


@pytest.mark.parametrize("text", INVALID)
def test_invalid_input_result_matches_the_schema(text):
    assert problems(json.loads(check_json(text))) == []


def test_the_schema_rejects_a_role_label_that_replaces_the_actor():
    result = check(next(c["answers"] for c in CASES if check(c["answers"])["route"]))
    result["route"]["steps"][0]["role_label"] = "评委会"
    assert problems(result)


def test_the_schema_rejects_a_reply_longer_than_five_sentences():
    result = check(CASES[0]["answers"])
    result["display"]["reply"] = result["display"]["reply"] * 6
    assert any("reply" in p for p in problems(result))
