"""Clause IDs follow the scheme in policy_data/README.md: unique, well formed, parent implied."""

import re

import pytest

from policy_build.integrity import expected_parent

CLAUSE_ID = re.compile(r"^(preamble|contacts|annexes|signature|c\d+(-(n)?\d+)*|a\d+(-\d+)*)$")


@pytest.fixture
def notice(policy, notice_id):
    return policy.notices[notice_id]


def test_every_folder_is_a_notice_in_issue_order(policy, notice_id):
    """notices/<id>/ is the whole registration; the data orders them by issued_on, oldest first."""
    assert notice_id in policy.notices
    issued = [str(n.meta["issued_on"]) for n in policy.notices.values()]
    assert issued == sorted(issued)
    assert [n.id for n in policy.newest_first()] == list(reversed(policy.notices))


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
