"""A FAQ answer that loops over the notices keeps working when one notice lacks an entry it
looks up (a new notice with other rule ids): that notice is left out of the loop and named."""
from __future__ import annotations

import datetime as dt

import pytest

from policy_build.errors import PolicyError
from site_build.generate.faq import render_faq
from site_build.generate.pages import PageContext, SiteData


def _render(policy, answer: str) -> str:
    site = SiteData(policy, has_checker=True, today=dt.date(2026, 11, 28))
    question = {"id": "probe", "question": "？", "answer": answer}
    return str(render_faq(site, PageContext("faq"), [question], {}, "faq.yaml")[0]["answer"])


def _notice_with_and_without(policy, clause_id: str):
    having = [n for n in policy.notices.values() if n.has_clause(clause_id)]
    lacking = [n for n in policy.notices.values() if not n.has_clause(clause_id)]
    if not having or not lacking:
        pytest.skip(f"needs one notice with clause {clause_id} and one without")
    return having[0], lacking[0]


def test_a_loop_leaves_out_and_names_the_notice_without_the_entry(policy):
    having, lacking = _notice_with_and_without(policy, "c1-5")
    answer = _render(policy, "{% for n in notices %}{{ title(n) }} {{ cite(n, 'c1-5') }}\n{% endfor %}")
    assert having.meta["short_title"] in answer and f"notices/{having.id}/#c1-5" in answer
    gap = answer.split('class="yzt-faq-gap"', 1)[1]
    assert lacking.meta["short_title"] in gap and "c1-5" in gap and f"notices/{lacking.id}/" in gap


def test_a_fixed_notice_without_the_entry_still_fails_the_build(policy):
    _, lacking = _notice_with_and_without(policy, "c1-5")
    with pytest.raises(PolicyError, match=r"questions\[0\]\.answer: .*c1-5"):
        _render(policy, "{{ cite('" + lacking.id + "', 'c1-5') }}")
