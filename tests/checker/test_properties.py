"""Property tests: for any answers object (wrong types, unknown keys, impossible
dates included) the checker returns a result and never raises; invalid input
gives `errors` whose Chinese messages name the offending question by its label
(never by its contract key) or, for unknown keys, quote a short excerpt."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import check, check_json
from checker.contract import RESULT_KEYS
from checker.answers import excerpt
from checker.rulebook import rulebook

BOOK = rulebook()
QUESTIONS = BOOK.question
HAN = re.compile(r"[\u4e00-\u9fff]")
FAST = dict(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
# Each example is a batch of answer objects: hypothesis's per-example bookkeeping
# dominates the checker's own cost, so batches keep 10,000+ objects within seconds.
BATCH = 10


def _valid_value(question: dict):
    kind = question["type"]
    if kind == "enum":
        return st.sampled_from([o["value"] for o in question["options"]])
    if kind == "bool":
        return st.booleans()
    if kind == "int":
        return st.integers(question.get("min", 0), question.get("max", 1200))
    if kind == "number":
        return st.one_of(st.integers(0, int(question.get("max", 60))),
                         st.floats(0, question.get("max", 60), allow_nan=False))
    if kind == "date":
        return st.dates().map(lambda d: d.isoformat())
    return st.text(st.characters(whitelist_categories=("L", "N", "P")), max_size=20)


junk = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(["2023-02-30", "2021-13-01", "2020-00-10", "20200930", "2020-9-30", "不确定", "", "true", "12"]),
)


# Strategies are built once: building them inside a draw costs more than the checker.
VALID = {key: _valid_value(q) for key, q in QUESTIONS.items()}
MOSTLY_VALID = {key: st.one_of(VALID[key], VALID[key], junk) for key in QUESTIONS}
KEYS = st.lists(st.sampled_from(sorted(QUESTIONS)), max_size=12, unique=True)
OTHER_KEYS = st.lists(st.sampled_from(sorted(set(QUESTIONS) - {"notice"})), max_size=6, unique=True)
UNKNOWN_KEY = st.text(min_size=1, max_size=12).filter(lambda k: k not in QUESTIONS)


@st.composite
def answers(draw):
    out = {}
    if draw(st.integers(0, 9)):                    # mostly a valid notice, sometimes none or junk
        out["notice"] = draw(MOSTLY_VALID["notice"])
    for key in draw(KEYS):
        out[key] = draw(MOSTLY_VALID[key])
    if draw(st.integers(0, 4)) == 0:
        out[draw(st.text(min_size=1, max_size=12))] = draw(junk)
    return out


def _assert_well_formed(result: dict):
    assert set(RESULT_KEYS) <= set(result)
    if result["errors"]:
        assert result["verdict"] is None
        for error in result["errors"]:
            assert HAN.search(error["message"]), error
            assert error["field"] == "answers" or (
                QUESTIONS[error["field"]]["label"] in error["message"] and error["field"] not in error["message"]), error
    else:
        assert result["verdict"] in ("eligible", "conditional", "ineligible")
        assert all(r["url"].startswith("notices/") and "#" in r["url"] for r in result["reasons"])
        json.dumps(result, ensure_ascii=False)


@settings(max_examples=600, **FAST)
@given(st.lists(answers(), min_size=BATCH, max_size=BATCH))
def test_any_answers_object_gives_a_result(batch):
    """600 × 10 = 6,000 answer objects."""
    for data in batch:
        _assert_well_formed(check(data))
        assert json.loads(check_json(json.dumps(data, ensure_ascii=False, allow_nan=True)))["errors"] is not None


@st.composite
def one_bad_answer(draw):
    """Valid answers with exactly one invalid value (a wrong type, an unknown option,
    an impossible date) or one unknown key; returns (answers, offending field)."""
    out = {"notice": draw(VALID["notice"])}
    for key in draw(OTHER_KEYS):
        out[key] = draw(VALID[key])
    if draw(st.booleans()):
        key = draw(UNKNOWN_KEY)
        out[key] = draw(junk)
        return out, key
    key = draw(st.sampled_from(sorted(QUESTIONS)))
    out[key] = draw(BAD[key])
    return out, key


def _bad_value(key: str):
    kind = QUESTIONS[key]["type"]
    return {
        "enum": st.one_of(st.text(max_size=8).filter(lambda v: v not in {o["value"] for o in QUESTIONS[key]["options"]}),
                          st.integers(), st.booleans()),
        "bool": st.one_of(st.integers(), st.text(max_size=5), st.just("true")),
        "int": st.one_of(st.booleans(), st.floats(), st.text(max_size=5), st.integers(max_value=-1)),
        "number": st.one_of(st.booleans(), st.text(max_size=5), st.just(float("nan")), st.integers(max_value=-1)),
        "date": st.one_of(st.sampled_from(["2023-02-30", "2021-02-29", "2020-13-01", "2020-9-30", "yesterday"]), st.integers()),
        "text": st.one_of(st.integers(), st.booleans(), st.lists(st.text(max_size=3), min_size=1, max_size=2),
                          st.text(min_size=51, max_size=60).filter(lambda t: len(t.strip()) > 50)),
    }[kind]


BAD = {key: _bad_value(key) for key in QUESTIONS}


@settings(max_examples=400, **FAST)
@given(st.lists(one_bad_answer(), min_size=BATCH, max_size=BATCH))
def test_invalid_input_names_the_field_in_chinese(batch):
    """400 × 10 = 4,000 answer objects, each with one invalid answer or unknown key."""
    for data, field in batch:
        result = check(data)
        assert result["verdict"] is None
        if field in QUESTIONS:
            errors = [e for e in result["errors"] if e["field"] == field]
            named = QUESTIONS[field]["label"]
        else:
            errors = [e for e in result["errors"] if e["field"] == "answers"]
            named = excerpt(field)
        assert len(errors) == 1, (data, result["errors"])
        assert HAN.search(errors[0]["message"]) and named in errors[0]["message"]


@settings(max_examples=300, **FAST)
@given(st.one_of(st.text(max_size=40), st.binary(max_size=20), st.integers(), st.none(),
                 st.lists(st.integers(), max_size=3)))
def test_check_json_never_raises_on_any_text(text):
    out = json.loads(check_json(text))
    assert out["errors"] or out["verdict"]


def test_deeply_nested_json_is_an_error_not_a_crash():
    out = json.loads(check_json('{"notice": ' + "[" * 100000 + "]" * 100000 + "}"))
    assert out["errors"] and out["verdict"] is None
