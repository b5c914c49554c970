"""Specific facts, each checked in the data (via load_policy) AND in the notice's source text.

A fact passes only if the data says it and the notice prints it: a typo in the
YAML or a fact the notices never stated both fail here. Source snippets are
compared with whitespace removed (the sources break lines mid-sentence).

The facts live with their notice: policy_data/notices/<id>/fidelity_facts.py (FACTS, entries
(name, notice whose source must print it, data getter, expected value, source snippets)), helpers in
tests/data/fidelity.py. Every notice folder must bring its own facts.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

from fidelity import squash
from notice_folders import FACTS_FILE, POLICY_DATA, notice_folders

sys.path.insert(0, str(Path(__file__).resolve().parent))      # `from fidelity import …` in the facts files
MIN_FACTS_PER_NOTICE = 5


def facts_of(notice_id: str) -> list[tuple]:
    path = POLICY_DATA / "notices" / notice_id / FACTS_FILE
    if not path.is_file():
        return []
    spec = importlib.util.spec_from_file_location(f"fidelity_facts_{notice_id.replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.FACTS)


FACTS = [fact for notice_id in notice_folders() for fact in facts_of(notice_id)]


def test_every_notice_brings_its_own_facts(notice_id):
    own = [f for f in facts_of(notice_id) if f[1] == notice_id]
    assert len(own) >= MIN_FACTS_PER_NOTICE, (
        f"policy_data/notices/{notice_id}/{FACTS_FILE}: at least {MIN_FACTS_PER_NOTICE} facts of this notice "
        "(policy_data/ADDING_A_NOTICE.md, 4. Prove fidelity)")

M23, B25 = "2023-manufacturing", "2025-bigdata"


def test_there_are_at_least_40_facts():
    assert len(FACTS) >= 40 and len({f[0] for f in FACTS}) == len(FACTS)


@pytest.mark.parametrize("name, notice_id, get, expected, snippets", FACTS, ids=[f[0] for f in FACTS])
def test_fact_in_data_and_source(policy, name, notice_id, get, expected, snippets):
    assert get(policy) == expected
    source = squash(policy.notices[notice_id].source_text)
    for snippet in snippets:
        assert squash(snippet) in source, f"not printed in {notice_id}: {snippet}"


def test_zhongxian_printed_name_is_in_the_source(policy):
    # Kept out of FACTS: squashing would hide the gap the data must preserve.
    assert "\t忠  县\n" in policy.notices[B25].source_text
    assert policy.office("忠县")["printed_name"] == "忠  县"
