"""Where each cited document is cited: the clauses that print it, found in the clause text.

A clause cites a references.yaml document when its text or title prints the document's 文号 (or,
for a document cited by title only, its title), white space aside. The lists are derived, never
written: a new notice's citations reach the 参考文件 page without an edit outside its folder, and a
文号 mistyped in references.yaml matches no clause (policy_build/integrity.py reports it).
Policy.cited_in computes them once per loaded policy.
"""
from __future__ import annotations

import re


def _squashed(text) -> str:
    return re.sub(r"\s+", "", text) if isinstance(text, str) else ""


def printed_as(document: dict) -> str:
    """What a citing clause prints: the 文号, or the title when the document has none."""
    return _squashed(document.get("doc_number")) or _squashed(document.get("title"))


def citing_clauses(policy) -> list[list[str]]:
    """For each references.yaml document, in order: `<notice>#<clause>` of every clause that prints it,
    notices oldest first. Each clause's text is squashed once, not once per document."""
    printed_in = [(f"{notice.id}#{clause['id']}", _squashed(clause.get("text")), _squashed(clause.get("title")))
                  for notice in policy.notices.values() for clause in notice.clauses]
    found = []
    for document in policy.references:
        printed = printed_as(document)
        found.append([where for where, text, title in printed_in if printed and (printed in text or printed in title)])
    return found
