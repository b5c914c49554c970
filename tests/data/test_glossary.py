"""The glossary explains the notices' own words, each sentence citing an existing clause."""
from __future__ import annotations

import re

from site_build.generate.faq_glossary_files import clauses_using, load_glossary

# The terms issue 6 names (the glossary may hold more).
REQUIRED_TERMS = ["多评", "转评", "贯通", "以考代评", "考评结合", "影响期", "人事代理机构", "存档机构", "主管部门",
                  "职改办", "评委会", "委托评审函", "异地查档记录", "公需科目", "援藏", "乡村振兴", "工程类专业学位"]


def test_required_terms_are_defined_with_synonyms(policy):
    terms = load_glossary(policy)
    written = {word: t for t in terms for word in [t["term"], *t.get("forms", [])]}
    for word in REQUIRED_TERMS:
        assert word in written, f"术语表缺少 {word}"
        assert written[word]["says"], f"{word} 没有常见说法"


def test_every_term_is_used_by_a_clause_and_cites_existing_clauses(policy):
    for term in load_glossary(policy):
        assert clauses_using(policy, term), term["term"]
        for sentence in term["definition"]:
            notice_id, _, clause_id = sentence["clause"].partition("#")
            assert policy.notices[notice_id].has_clause(clause_id), sentence["clause"]
            assert not re.search(r"[0-9０-９]", sentence["text"]), sentence["text"]


def test_a_term_no_clause_uses_is_rejected(policy, tmp_path):
    import shutil

    import pytest

    from policy_build.errors import PolicyError
    from site_build.generate import faq_glossary_files as data

    root = tmp_path / "policy_data"
    shutil.copytree(policy.root, root)
    text = (root / "glossary.yaml").read_text(encoding="utf-8").replace("term: 转评", "term: 不存在的词", 1)
    (root / "glossary.yaml").write_text(text, encoding="utf-8")
    policy.root, original = root, policy.root
    try:
        with pytest.raises(PolicyError, match=r"glossary\.yaml: terms\[1\]\.term"):
            data.load_glossary(policy)
    finally:
        policy.root = original
