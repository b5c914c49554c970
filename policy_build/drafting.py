"""Draft a new notice's clauses from its source text, following the notice's own numbering.

    python -m policy_build new-notice 2026-xxx.txt --id 2026-xxx

`draft_clauses(source)` splits the text into clauses with the IDs of policy_data/README.md
("Clause IDs"): 一、 → c1, （二） → c1-2, 3. → c1-2-3, （1） → c1-2-3-1, 1. before any （一） → c1-n1;
the addressees and opening paragraph → preamble; contact lines → contacts; 附件：… → annexes;
issuer and date → signature; 附件 N → aN with its 步骤 N steps → aN-N. The text stays verbatim;
a paragraph that ends without closing punctuation was cut by a PDF line or page break and is
joined to the next one (a drafter must confirm each join and record it in `source_notes`).

What a machine cannot decide — a screenshot's text captured inside an annex, an annex table kept
as data elsewhere (offices.yaml), a sentence split mid-word by a page break after punctuation — is
written in the notice folder's drafting.yaml (load_corrections), explicit and explained, so the committed clause lists are reproduced
exactly (tests/data/test_drafting.py) and every departure from the mechanical split is visible.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# tests/data/test_policy_completeness.py keeps its own copy of these patterns on purpose: it is
# the independent oracle that the committed clauses (and so this drafter) follow the numbering.
CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}

TOP = re.compile(r"^([一二三四五六七八九十]+)、")
SUB = re.compile(r"^（([一二三四五六七八九十]+)）")
ITEM = re.compile(r"^(\d+)\s*[.．]\s*")
SUBITEM = re.compile(r"^（(\d+)）")
ANNEX_HEAD = re.compile(r"^附件\s*(\d*)$")
STEP = re.compile(r"^步骤\s*(\d+)\s*[：:]")
ANNEX_LIST = re.compile(r"^附件\s*[：:]")
DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(印发)?$")
CONTACT_LINE = re.compile(r"(电话|联系人|邮箱)\s*[:：]")
CLOSING = tuple("。：:；;！？）)”」》")
REMARK = re.compile(r"[（(][^）)]*[）)]")      # (此件公开发布)

# A notice's corrections live in its folder, policy_data/notices/<id>/drafting.yaml, each with why:
#   skip_lines:  source lines (1-based, inclusive [first, last] ranges) left out of every clause
#   keep_break:  paragraph starts (first characters) that begin a new line although the
#                previous paragraph has no closing punctuation
#   join_after:  paragraph starts (first characters) whose paragraph is joined to the previous
#                one with no line break although that one ends with punctuation
#   belongs_to:  {paragraph start: clause id} for an unnumbered paragraph printed after the
#                sub-items of the clause it belongs to
CORRECTIONS_FILE = "drafting.yaml"


def load_corrections(notice_folder: Path) -> dict:
    """The folder's drafting.yaml ({} when the drafter needed no correction)."""
    path = notice_folder / CORRECTIONS_FILE
    if not path.is_file():
        return {}
    import yaml
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def cn_number(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20."""
    if "十" not in text:
        return CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


@dataclass
class Clause:
    id: str
    label: str
    parent: str | None
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)

    def as_data(self) -> dict:
        data = {"id": self.id, "label": self.label}
        if self.title:
            data["title"] = self.title
        data["text"] = "\n".join(self.paragraphs)
        data["parent"] = self.parent
        return data


def _is_heading(rest: str, next_is_paragraph: bool) -> bool:
    """A numbered line that is only a heading: 用户注册。 / 申报程序 / 市属事业单位、国有企业人员："""
    if not rest:
        return False
    if rest.endswith(("：", ":")):
        return next_is_paragraph or "，" not in rest
    if rest.endswith("。"):
        return "，" not in rest and rest.count("。") == 1 and len(rest) <= 12
    return "，" not in rest and not rest.endswith(CLOSING)


class _Drafter:
    def __init__(self):
        self.clauses: list[Clause] = []
        self.current: Clause | None = None
        self.top = self.sub = self.item = None
        self.annex: str | None = None

    def open(self, cid: str, label: str, parent: str | None, title: str = "", text: str = "") -> None:
        self.current = Clause(cid, label, parent, title, [text] if text else [])
        self.clauses.append(self.current)

    def add(self, text: str) -> None:
        self.current.paragraphs.append(text)


def _paragraphs(source: str, corrections: dict) -> list[str]:
    """From the addressee line on: non-empty lines, stripped, skipped ranges removed, and a
    paragraph cut by a PDF break (no closing punctuation) joined to the next line."""
    skipped = set()
    for first, last in corrections.get("skip_lines", []):
        skipped.update(range(first, last + 1))
    raw = [line.strip() for number, line in enumerate(source.splitlines(), start=1) if number not in skipped]
    raw = [line for line in raw if line]
    start = next(i for i, line in enumerate(raw) if line.endswith("：") and not _starts_numbered(line))
    out: list[str] = []
    for index in range(start, len(raw)):
        line, previous = raw[index], out[-1] if out else ""
        following = raw[index + 1] if index + 1 < len(raw) else ""
        if previous and line.startswith(tuple(corrections.get("join_after", []))):
            out[-1] = previous + line
        elif previous and _continues(previous, line, following) and not line.startswith(tuple(corrections.get("keep_break", []))):
            out[-1] = previous + line
        else:
            out.append(line)
    return out


def _continues(previous: str, line: str, following: str) -> bool:
    """`line` carries on the sentence `previous` left open (a PDF line or page break)."""
    if previous.endswith(CLOSING) or _starts_numbered(line) or _starts_numbered_heading(previous):
        return False
    if ANNEX_LIST.match(previous) or ANNEX_HEAD.match(previous) or DATE_LINE.match(line) or DATE_LINE.match(following):
        return False      # the annex list and the signature (issuer line, date) stand alone
    return not REMARK.fullmatch(line)


def _starts_numbered(line: str) -> bool:
    return bool(TOP.match(line) or SUB.match(line) or ITEM.match(line) or SUBITEM.match(line)
                or ANNEX_HEAD.match(line) or STEP.match(line) or ANNEX_LIST.match(line))


def _starts_numbered_heading(line: str) -> bool:
    """A short numbered heading without closing punctuation (一、申报范围) is never a broken line."""
    match = TOP.match(line) or SUB.match(line) or ITEM.match(line) or SUBITEM.match(line) or ANNEX_HEAD.match(line)
    return bool(match) and _is_heading(line[match.end():].strip(), True)


def draft_clauses(source: str, corrections: dict | None = None) -> list[dict]:
    """The clause list of a notice, as notice.yaml holds it (id, label, title?, text, parent)."""
    corrections = corrections or {}
    paragraphs = _paragraphs(source, corrections)
    belongs_to = corrections.get("belongs_to", {})
    d = _Drafter()
    d.open("preamble", "", None)
    for index, line in enumerate(paragraphs):
        owner = next((cid for start, cid in belongs_to.items() if line.startswith(start)), None)
        if owner:
            next(c for c in d.clauses if c.id == owner).paragraphs.append(line)
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        _place(d, line, following)
    return [c.as_data() for c in d.clauses]


def _place(d: _Drafter, line: str, following: str) -> None:
    next_is_paragraph = bool(following) and not _starts_numbered(following)
    if d.annex is None and (m := ANNEX_HEAD.match(line)):
        d.annex = f"a{m.group(1) or 1}"
        d.open(d.annex, m.group(0), None)
        d.current.title = "\0"       # the next paragraph is the annex title
        return
    if d.annex is not None:
        if d.current.title == "\0":
            d.current.title = line
        elif m := STEP.match(line):
            d.open(f"{d.annex}-{m.group(1)}", m.group(0), d.annex, text=line[m.end():].strip())
        else:
            d.add(line)
        return
    if ANNEX_LIST.match(line):
        d.open("annexes", "", None, text=line)
        return
    if DATE_LINE.match(line):
        _sign(d, line)
        return
    if d.top and CONTACT_LINE.search(line) and d.current.id != "contacts" and _after_body(d, line):
        d.open("contacts", "", None, text=line)
        return
    for pattern, level in ((TOP, "top"), (SUB, "sub"), (ITEM, "item"), (SUBITEM, "subitem")):
        m = pattern.match(line)
        if m and _numbering_applies(d, level):
            _number(d, level, m, line[m.end():].strip(), next_is_paragraph)
            return
    d.add(line)


def _after_body(d: _Drafter, line: str) -> bool:
    """Contact lines follow the last numbered clause (or the signature)."""
    return d.current.id == "signature" or line.startswith("（联系人") or bool(re.match(r"^[^，。]{2,20}电话\s*[:：]", line))


def _sign(d: _Drafter, line: str) -> None:
    """The signature: the issuer line before the date (and a remark such as （此件公开发布） before
    that), moved out of the clause above."""
    moved = [d.current.paragraphs.pop()]
    if d.current.paragraphs and REMARK.fullmatch(d.current.paragraphs[-1]):
        moved.insert(0, d.current.paragraphs.pop())
    d.open("signature", "", None)
    d.current.paragraphs = moved + [line]


def _numbering_applies(d: _Drafter, level: str) -> bool:
    return level == "top" or d.top is not None and (level != "subitem" or d.item is not None)


def _number(d: _Drafter, level: str, m: re.Match, rest: str, next_is_paragraph: bool) -> None:
    label = m.group(0).strip()
    heading = level == "top" or _is_heading(rest, next_is_paragraph)
    title, text = (rest, "") if heading else ("", rest)
    if level == "top":
        d.top, d.sub, d.item = f"c{cn_number(m.group(1))}", None, None
        cid, parent = d.top, None
    elif level == "sub":
        d.sub, d.item = f"{d.top}-{cn_number(m.group(1))}", None
        cid, parent = d.sub, d.top
    elif level == "item":
        d.item = f"{d.sub}-{m.group(1)}" if d.sub else f"{d.top}-n{m.group(1)}"
        cid, parent = d.item, d.sub or d.top
    else:
        cid, parent = f"{d.item}-{m.group(1)}", d.item
    d.open(cid, label, parent, title, text)
