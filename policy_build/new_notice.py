"""python -m policy_build new-notice SOURCE.txt --id ID — draft policy_data/notices/ID/.

Writes notice.yaml (header facts read from the text where it prints them, every clause drafted by
policy_build/drafting.py) and skeleton timeline/fees/rules/evidence/contacts files. Every value a
person must read from the notice is a `待填写：…` placeholder: `python -m policy_build validate`
fails on each one, naming file, field and what to fill in (policy_build/schema_check.py), until
the drafter has replaced them all. The procedure: policy_data/ADDING_A_NOTICE.md.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import yaml

from .drafting import DATE_LINE, draft_clauses
from .schema_check import PLACEHOLDER

SOURCE_FILE = "source.txt"     # the notice as published, kept in its own folder
DOC_NUMBER = re.compile(r"\S+〔\d{4}〕\d+号")

SKELETONS = {
    "timeline": """\
# Dates of the notice, each with the clause that prints it. Times are "HH:MM" strings
# ("24:00" as printed). See the committed notices for every field (label, who, note, precision).
work_years_cutoff:
  date: 待填写：工作年限、任职时间计算的截止日期 YYYY-MM-DD（通知中“计算截至……”一句）
  clause: 待填写：印有截止日期的条款 ID（如 c6-2）
events:
  - id: online_application
    label: 待填写：环节名称（如 网上申报）
    who: 待填写：由谁完成（申报人 / 单位 / 评委会…）
    start: {date: 待填写：开始日期 YYYY-MM-DD}
    end: {date: 待填写：结束日期 YYYY-MM-DD, time: 待填写：截止时刻 HH:MM（通知没写时删去 time）}
    precision: day
    clause: 待填写：印有该时间的条款 ID
  - id: fee_payment
    label: 待填写：缴费环节名称
    who: 申报人
    end: {date: 待填写：缴费截止日期 YYYY-MM-DD}
    precision: day
    clause: 待填写：印有缴费时间的条款 ID
""",
    "fees": """\
# Review fees as printed, per title grade. payment.window names the timeline event of payment.
clause: 待填写：印有评审费标准的条款 ID
grades:
  - grade: 待填写：职称级别，照录（如 高级）
    levels: [待填写：对应的 level 答案值（junior / intermediate / deputy_senior / senior）]
    yuan: 待填写：金额（整数，元/人）
payment:
  window: fee_payment
  method: 待填写：缴费方式，照录通知原文
""",
    "rules": """\
# The checker's rules for this notice: every entry quotes its clause (see policy_data/README.md,
# "Conditions (when)"). Copy the shape from a committed notice; write only what the clause says.
scope: []
exclusions: []
pathways:
  - path: normal
    label: 待填写：申报途径名称（如 正常申报）
    status: offered
    clause: 待填写：规定申报范围的条款 ID
deferrals: []
allowances: []
notes: []
routes:
  - id: 待填写：申报路径 ID（英文，如 city_institution）
    when: {employer: city_institution}
    label: 待填写：路径名称，照录（如 市属事业单位、国有企业人员）
    clause: 待填写：规定该路径的条款 ID
    steps:
      - {role: applicant, actor: 个人, action: 待填写：这一步做什么，照录, clause: 待填写：条款 ID}
      - {role: committee, actor: 评委会, action: 待填写：这一步做什么，照录, clause: 待填写：条款 ID}
""",
    "evidence": """\
# Supporting papers and review rules, each with its clause.
general: []
achievement_proofs: []
review_rules: []
""",
    "contacts": """\
# Phone numbers, e-mails and links the notice prints, each with its clause.
contacts:
  - id: 待填写：联系方式 ID（英文，如 committee）
    role: 待填写：咨询内容（如 评委会联系电话），照录
    phones: []
    emails: []
    clause: contacts
links: []
""",
}


def header_facts(source: str) -> dict:
    """What the text prints before the addressees: 文号, issuer, title; and the signature date."""
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    head = lines[:next((i for i, line in enumerate(lines) if line.endswith("：")), len(lines))]
    doc = next((m.group(0) for line in head if (m := DOC_NUMBER.search(line))), "")
    title_start = next((i for i, line in enumerate(head) if "关于" in line), None)
    title = ""
    if title_start is not None:
        title = "".join(head[title_start:])
        title = title[title.index("关于"):].replace(" ", "")
    dates = [line for line in lines if DATE_LINE.match(line)]
    issued = None
    if dates:
        issued = dt.date(*(int(x) for x in re.findall(r"\d+", dates[0])[:3]))
    return {"doc_number": doc, "title": title, "issued_on": issued}


def notice_yaml(notice_id: str, source_rel: str, source: str) -> str:
    facts = header_facts(source)
    meta = {
        "id": notice_id,
        "doc_number": facts["doc_number"] or f"{PLACEHOLDER}：文号，照录（如 渝职改办〔2026〕1号）",
        "issuer": f"{PLACEHOLDER}：发文机关，照录落款",
        "title": facts["title"] or f"{PLACEHOLDER}：通知标题，照录",
        "short_title": f"{PLACEHOLDER}：站内简称（如 2026年大数据智能化专业职称）",
        "issued_on": facts["issued_on"] or f"{PLACEHOLDER}：印发日期 YYYY-MM-DD",
        "source": source_rel,
        "committee": {"name": f"{PLACEHOLDER}：评委会名称，照录", "clause": f"{PLACEHOLDER}：印有评委会名称的条款 ID"},
    }
    head = ("# Drafted by `python -m policy_build new-notice`: clauses split from the notice's own numbering.\n"
            "# Check each clause against the source; where a PDF line or page break was joined, say so in\n"
            "# `source_notes` (see the committed notices).\n")
    body = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    clauses = yaml.safe_dump({"clauses": draft_clauses(source)}, allow_unicode=True,
                             sort_keys=False, width=1000)
    return head + body + clauses


def write_draft(source_path: Path, notice_id: str, root: Path) -> Path:
    """Write root/notices/<id>/ with the source copied in as source.txt; refuse to overwrite."""
    folder = root / "notices" / notice_id
    if folder.exists():
        raise FileExistsError(f"{folder} 已存在，不覆盖 (already exists; not overwritten)")
    folder.mkdir(parents=True)
    target = folder / SOURCE_FILE
    shutil.copyfile(source_path, target)
    source = target.read_text(encoding="utf-8")
    (folder / "notice.yaml").write_text(notice_yaml(notice_id, f"notices/{notice_id}/{SOURCE_FILE}", source),
                                        encoding="utf-8")
    for kind, text in SKELETONS.items():
        (folder / f"{kind}.yaml").write_text(text, encoding="utf-8")
    return folder
