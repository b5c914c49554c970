"""Every numbered item of each notice is a clause, and every clause is verbatim source text.

The expected clause IDs are derived here from the source text itself (一、
（一） 1. （1） and the annex's 步骤 N), independently of the data files.
"""

import re

import pytest

UNNUMBERED = {"preamble", "contacts", "annexes", "signature"}
CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}

TOP = re.compile(r"^([一二三四五六七八九十]+)、")
SUB = re.compile(r"^（([一二三四五六七八九十]+)）")
ITEM = re.compile(r"^(\d+)\s*[.．]")
SUBITEM = re.compile(r"^（(\d+)）")
ANNEX = re.compile(r"^附件\s*(\d*)$")
STEP = re.compile(r"^步骤\s*(\d+)\s*[：:]")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def cn_number(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20."""
    if "十" not in text:
        return CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def numbered_items(source: str) -> list[tuple[str, str, str | None, int]]:
    """(clause ID, printed label, parent ID, line index) for every numbered line, in order."""
    items, top, sub, item, annex = [], None, None, None, None
    for index, raw in enumerate(source.splitlines()):
        line = raw.strip()
        if annex is None and (m := ANNEX.match(line)):
            annex, top = f"a{m.group(1) or 1}", None
            items.append((annex, m.group(0), None, index))
        elif annex is not None:
            if m := STEP.match(line):
                items.append((f"{annex}-{m.group(1)}", m.group(0), annex, index))
        elif m := TOP.match(line):
            top, sub, item = f"c{cn_number(m.group(1))}", None, None
            items.append((top, m.group(0), None, index))
        elif top and (m := SUB.match(line)):
            sub, item = f"{top}-{cn_number(m.group(1))}", None
            items.append((sub, m.group(0), top, index))
        elif top and (m := ITEM.match(line)):
            item = f"{sub}-{m.group(1)}" if sub else f"{top}-n{m.group(1)}"
            items.append((item, m.group(0), sub or top, index))
        elif item and (m := SUBITEM.match(line)):
            items.append((f"{item}-{m.group(1)}", m.group(0), item, index))
    return items


@pytest.fixture
def notice(policy, notice_id):
    return policy.notices[notice_id]


def test_the_numbering_parser_sees_the_whole_outline(policy):
    # Guards the parser: if it missed a level, the checks below would prove nothing.
    ids = [i[0] for i in numbered_items(policy.notices["2025-bigdata"].source_text)]
    assert ids[:2] == ["c1", "c1-1"] and "c4-n3" in ids and "c4-2-3-4" in ids and "c6-3-7" in ids and ids[-1] == "a1"
    ids = [i[0] for i in numbered_items(policy.notices["2023-manufacturing"].source_text)]
    assert "c5-3-2-3" in ids and ids[-4:] == ["a1", "a1-1", "a1-2", "a1-3"]


def test_every_numbered_item_is_a_clause_with_its_label_and_parent(notice):
    for cid, label, parent, _ in numbered_items(notice.source_text):
        assert notice.has_clause(cid), f"{notice.id}: numbered item {label!r} has no clause {cid}"
        clause = notice.clause(cid)
        assert squash(clause["label"]) == squash(label), f"{notice.id}#{cid}: label {clause['label']!r} ≠ printed {label!r}"
        assert clause["parent"] == parent, f"{notice.id}#{cid}: parent {clause['parent']!r}, expected {parent!r}"


def test_every_numbered_clause_is_printed(notice):
    printed = {i[0] for i in numbered_items(notice.source_text)}
    extra = [c["id"] for c in notice.clauses if c["id"] not in UNNUMBERED and c["id"] not in printed]
    assert not extra, f"{notice.id}: clauses with no numbered line in the source: {extra}"


def test_unnumbered_clauses_have_no_label(notice):
    for cid in UNNUMBERED:
        assert notice.clause(cid)["label"] == "", f"{notice.id}#{cid}"


def test_label_and_title_are_printed_together(notice):
    lines = notice.source_text.splitlines()
    for cid, _, _, index in numbered_items(notice.source_text):
        clause = notice.clause(cid)
        following = squash("".join(lines[index:index + 3]))
        assert following.startswith(squash(clause["label"] + clause.get("title", ""))), f"{notice.id}#{cid}"


def clause_spans(notice) -> dict[str, tuple[int, int]]:
    """Where each clause sits in the whitespace-free source: from its numbered line
    (or, unnumbered, its first text) to the next clause that is not its descendant.
    A paragraph printed after a clause's sub-items lies in the span of the clause
    and of its last sub-item, so either may hold it."""
    source = squash(notice.source_text)
    line_start, offset = [], 0
    for line in notice.source_text.splitlines():
        line_start.append(offset)
        offset += len(squash(line))
    numbered = {cid: line_start[index] for cid, _, _, index in numbered_items(notice.source_text)}
    starts, cursor = [], 0
    for clause in notice.clauses:
        first = next(filter(None, map(squash, clause["text"].split("\n"))), "")
        start = numbered.get(clause["id"], source.find(first, cursor) if first else cursor)
        assert start >= cursor, f"{notice.id}#{clause['id']}: not in the notice's order"
        starts.append(start)
        cursor = start
    spans = {}
    for k, clause in enumerate(notice.clauses):
        later = [starts[m] for m in range(k + 1, len(starts))
                 if not notice.clauses[m]["id"].startswith(clause["id"] + "-")]
        spans[clause["id"]] = (starts[k], later[0] if later else len(source))
    return spans


def test_clauses_are_in_the_notices_order_and_their_text_is_verbatim(notice):
    source, spans = squash(notice.source_text), clause_spans(notice)
    for clause in notice.clauses:
        position, end = spans[clause["id"]]
        for paragraph in filter(None, map(squash, clause["text"].split("\n"))):
            found = source.find(paragraph, position)
            assert 0 <= found and found + len(paragraph) <= end, (
                f"{notice.id}#{clause['id']}: text not printed (in this order) within the clause: {paragraph[:40]}… "
                f"(anywhere in the source: {paragraph in source})")
            position = found + len(paragraph)


def test_no_source_paragraph_is_lost(notice):
    """Every line from the addressees to the annex heading (and every annex step) is in some clause."""
    material = [squash(c["label"] + c.get("title", "") + c["text"]) for c in notice.clauses]
    lines = notice.source_text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("各区县（自治县）"))
    annex = next(i for i, line in enumerate(lines) if ANNEX.match(line.strip()))
    body = lines[start:annex] + [line for line in lines[annex:] if STEP.match(line.strip())]
    lost = [line for line in map(squash, body) if line and not any(line in m for m in material)]
    assert not lost, f"{notice.id}: source lines in no clause: {lost[:5]}"
