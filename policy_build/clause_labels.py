"""How a clause is named wherever it is cited: the site, the checker's rules (CLI, browser) and
the calendars all use these two functions, so a clause reads the same everywhere."""

from __future__ import annotations

# Unnumbered parts of a notice, as a citation names them.
SPECIAL_CLAUSES = {"preamble": "正文开头", "contacts": "联系方式", "annexes": "附件目录", "signature": "落款"}


def clause_label(notice, cid: str) -> str:
    """The clause's printed numbering as a citation: c4-1-3-2 -> 四（一）3.（2）, c1 -> 一."""
    if cid in SPECIAL_CLAUSES:
        return SPECIAL_CLAUSES[cid]
    chain = []
    clause = notice.clause(cid)
    while clause is not None:
        chain.append(clause)
        parent = clause.get("parent")
        clause = notice.clause(parent) if parent else None
    labels = [c.get("label", "").strip().rstrip("：:") for c in reversed(chain)]
    if len(labels) == 1 or labels[1].startswith("（"):
        labels[0] = labels[0].rstrip("、")      # 一（五）, but 四、1. for a numbered item directly under 四、
    return " ".join(labels) if labels[0] == "附件" else "".join(labels) or cid


def citation(notice, cid: str) -> str:
    """The label with the notice's document number: 渝大数据发〔2025〕128号 六（五）."""
    return f"{notice.meta['doc_number']} {clause_label(notice, cid)}"
