"""Clause IDs follow the scheme in policy_data/README.md: unique, well formed, parent implied."""

import re

import pytest

from policy_build.integrity import expected_parent

CLAUSE_ID = re.compile(r"^(preamble|contacts|annexes|signature|c\d+(-(n)?\d+)*|a\d+(-\d+)*)$")


@pytest.fixture(params=["2023-manufacturing", "2025-bigdata"])
def notice(request, policy):
    return policy.notices[request.param]


def test_notices_are_the_two_in_order(policy):
    assert list(policy.notices) == ["2023-manufacturing", "2025-bigdata"]


def test_clause_ids_match_the_scheme(notice):
    bad = [c["id"] for c in notice.clauses if not CLAUSE_ID.match(c["id"])]
    assert not bad


def test_clause_ids_are_unique(notice):
    ids = [c["id"] for c in notice.clauses]
    assert len(ids) == len(set(ids))


def test_parents_follow_the_ids(notice):
    for clause in notice.clauses:
        assert clause["parent"] == expected_parent(clause["id"]), clause["id"]


def test_body_annex_and_end_matter_are_present(notice):
    ids = [c["id"] for c in notice.clauses]
    assert ids[0] == "preamble"
    assert {"contacts", "annexes", "signature", "a1"} <= set(ids)
    assert ids.index("annexes") < ids.index("a1")


def test_expected_parent_examples():
    assert expected_parent("c5-3-2-1") == "c5-3-2"
    assert expected_parent("c4-n1") == "c4"
    assert expected_parent("a1-2") == "a1"
    assert expected_parent("c1") is None and expected_parent("preamble") is None
