"""Shape glossary.yaml terms for the glossary page: definitions with citations, the clauses using each term."""
from __future__ import annotations

from site_build.generate.faq_glossary_files import clauses_using


def glossary_entries(policy, terms: list[dict]) -> list[dict]:
    entries = []
    for term in terms:
        entries.append({
            **term,
            "definition": [dict(s, ref=tuple(s["clause"].split("#", 1))) for s in term["definition"]],
            "used_in": clauses_using(policy, term),
        })
    return entries


def term_names(terms: list[dict]) -> dict[str, str]:
    return {t["id"]: t["term"] for t in terms}
