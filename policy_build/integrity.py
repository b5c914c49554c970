"""Checks a JSON Schema cannot express, across files.

- every clause reference resolves (`clause`, `clauses`, `also_in`, offices.yaml
  `source`), wherever it appears; shared files must write `<notice>#<clause>`;
- every `reference` / `pricing_document` names a references.yaml document, and some
  clause prints each document's 文号 (or its title, when it has none; citations.py);
- every `office` / `offices` name in rules.yaml and questions.yaml is an office;
- IDs are unique in every list (clauses, events, contacts, documents, rules…);
  office numbers and names are unique and numbered 1..N;
- each clause's parent exists, comes before it, and is the one its ID implies;
- each event starts no later than it ends (time included);
- the fee window is a timeline event; no title level has two fees;
- a question shown `using_this_question` is used by some notice's rules;
- a question's `min` is not above its `max` (it could not be answered);
- dataset.yaml `fraud_warning` points at the clause that warns about 代办 (start and contacts pages).
"""

from __future__ import annotations

from checker import moments

from .errors import field_path, message
from .question_scope import USING_THIS_QUESTION, notices_using
from .tree import walk

REF_LIST_KEYS = ("clauses", "also_in")
REFERENCE_KEYS = ("reference", "pricing_document", "references")
OFFICE_KINDS = ("rules", "questions")


def check(policy, files, schema_valid: bool) -> list[str]:
    """All integrity problems. When the schema check already failed, a check that
    trips over malformed data is skipped: the schema messages say what is wrong."""
    errors: list[str] = []
    # Structure first (duplicate IDs, parents), so a root cause precedes the dangling references it causes.
    for run in (_check_unique_ids, _check_clauses, _check_offices, _check_timeline, _check_fees, _check_refs,
                _check_citations, _check_question_scope, _check_question_ranges, _check_step_links, _check_fraud_warning):
        found: list[str] = []
        try:
            run(policy, files, found)
        except (TypeError, AttributeError, KeyError, ValueError, IndexError):
            if schema_valid:
                raise
        errors.extend(found)
    return errors


def _resolve(policy, ref: str, own_notice: str | None) -> str | None:
    """None if `ref` names an existing clause, else what is wrong with it."""
    if "#" in ref:
        notice_id, cid = ref.split("#", 1)
    elif own_notice is None:
        return "共享文件中的条款引用应写作 <通知>#<条款> (expected <notice>#<clause> in a shared file)"
    else:
        notice_id, cid = own_notice, ref
    notice = policy.notices.get(notice_id)
    if notice is None:
        known = ", ".join(policy.notices)
        return f"没有通知 '{notice_id}'，现有：{known} (expected an existing notice)"
    if not notice.has_clause(cid):
        return f"通知 {notice_id} 中没有条款 '{cid}' (expected an existing clause of {notice_id})"
    return None


def _strings(where: tuple, value) -> list[tuple[tuple, str]]:
    """A string value, or each string of a list value, with its field path."""
    if isinstance(value, str):
        return [(where, value)]
    if isinstance(value, list):
        return [(where + (i,), v) for i, v in enumerate(value) if isinstance(v, str)]
    return []


def _check_refs(policy, files, errors):
    references = {r.get("id") for r in policy.references}
    offices = {o.get("name") for o in policy.offices}
    for f in files:
        for path, key, value in walk(f.data):
            refs = []
            if (key == "clause" or (key == "source" and f.kind == "offices" and not path)) and isinstance(value, str):
                refs = _strings(path + (key,), value)
            elif key in REF_LIST_KEYS and isinstance(value, list):
                refs = _strings(path + (key,), value)
            for where, ref in refs:
                problem = _resolve(policy, ref, f.notice_id)
                if problem:
                    errors.append(message(f.display, where, problem, ref))
            if key in REFERENCE_KEYS:
                for where, ref_id in _strings(path + (key,), value):
                    if ref_id not in references:
                        errors.append(message(f.display, where,
                                              "references.yaml 中没有该文件 (expected a document id from references.yaml)", ref_id))
            if f.kind in OFFICE_KINDS and key in ("office", "offices"):
                for where, name in _strings(path + (key,), value):
                    if name not in offices:
                        errors.append(message(f.display, where,
                                              "offices.yaml 中没有该区县职改办 (expected an office name from offices.yaml)", name))


def _check_citations(policy, files, errors):
    references_file = next(f for f in files if f.kind == "references")
    for i, document in enumerate(policy.references):
        if not policy.cited_in(document):
            field = "doc_number" if document.get("doc_number") else "title"
            errors.append(message(references_file.display, ("documents", i, field),
                                  "没有任何条款印有这一文号或标题 (expected a clause of some notice to print it)",
                                  document.get(field)))


def _check_unique_ids(policy, files, errors):
    for f in files:
        lists = [((), f.data)] if isinstance(f.data, list) else []
        lists += [(path + (key,), value) for path, key, value in walk(f.data) if isinstance(value, list)]
        for path, items in lists:
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    ident = item["id"]
                    if ident in first:
                        errors.append(message(f.display, path + (i, "id"),
                                              f"id 重复，与 {field_path(path + (first[ident],))} 相同 (expected a unique id)", ident))
                    else:
                        first[ident] = i


def expected_parent(cid: str) -> str | None:
    """The parent a clause ID implies: c4-2-3 -> c4-2, c4-n1 -> c4, a1-2 -> a1, c1 -> None."""
    return cid.rsplit("-", 1)[0] if "-" in cid else None


def _check_clauses(policy, files, errors):
    for notice in policy.notices.values():
        file = notice.files["notice"].display
        seen = set()
        for i, clause in enumerate(notice.clauses):
            cid, parent = clause["id"], clause["parent"]
            implied = expected_parent(cid)
            if parent is not None and parent not in seen:
                errors.append(message(file, ("clauses", i, "parent"),
                                      "上级条款不存在或不在本条之前 (expected the ID of an earlier clause)", parent))
            elif parent != implied:
                errors.append(message(file, ("clauses", i, "parent"),
                                      f"按条款编号 {cid}，上级条款应为 {implied!r} (expected parent {implied!r})", parent))
            seen.add(cid)


def _check_offices(policy, files, errors):
    offices_file = next(f for f in files if f.kind == "offices")
    names: dict[str, int] = {}
    for i, office in enumerate(policy.offices):
        if office["number"] != i + 1:
            errors.append(message(offices_file.display, ("offices", i, "number"),
                                  f"序号应为 {i + 1}，按顺序连续编号 (expected {i + 1}: rows numbered 1..N in order)",
                                  office["number"]))
        name = office["name"]
        if name in names:
            errors.append(message(offices_file.display, ("offices", i, "name"),
                                  f"区县重复，与 offices[{names[name]}] 相同 (expected a unique office name)", name))
        else:
            names[name] = i


def _check_timeline(policy, files, errors):
    for notice in policy.notices.values():
        file = notice.files["timeline"].display
        for i, event in enumerate(notice.timeline.get("events", [])):
            start, end = event.get("start"), event.get("end")
            first, last = moments.bounds(start and start["date"], start and start.get("time"),
                                         end and end["date"], end and end.get("time"))
            if first and last and first >= last:     # an event must last: its end comes after its start
                errors.append(message(file, ("events", i, "start"),
                                      f"开始晚于结束 {end['date']} {end.get('time', '')}".rstrip()
                                      + " (expected start < end)", start["date"] + (" " + start["time"] if "time" in start else "")))


def _check_fees(policy, files, errors):
    for notice in policy.notices.values():
        file = notice.files["fees"].display
        fees = notice.fees
        if not fees:
            continue
        events = [e["id"] for e in notice.timeline.get("events", [])]
        window = fees["payment"]["window"]
        if window not in events:
            errors.append(message(file, ("payment", "window"),
                                  f"timeline.yaml 中没有该事件，现有：{', '.join(events)} (expected a timeline event id)", window))
        priced: dict[str, int] = {}
        for i, grade in enumerate(fees["grades"]):
            for level in grade["levels"]:
                if level in priced:
                    errors.append(message(file, ("grades", i, "levels"),
                                          f"职称级别 {level} 已在 grades[{priced[level]}] 定价 (expected one fee per level)", level))
                priced[level] = i


def _check_question_scope(policy, files, errors: list[str]) -> None:
    questions_file = next(f for f in files if f.kind == "questions")
    for i, question in enumerate(questions_file.data.get("questions") or []):
        if (question.get("show_when") or {}).get("notice") == USING_THIS_QUESTION and not notices_using(policy, question["key"]):
            errors.append(message(questions_file.display, ("questions", i, "show_when", "notice"),
                                  "没有任何通知的 rules.yaml 用到这个问题，它永远不会显示 "
                                  "(expected some notice's rules to use this key)", USING_THIS_QUESTION))


def _check_question_ranges(policy, files, errors: list[str]) -> None:
    questions_file = next(f for f in files if f.kind == "questions")
    for i, question in enumerate(questions_file.data.get("questions") or []):
        low, high = question.get("min"), question.get("max")
        if low is not None and high is not None and low > high:
            errors.append(message(questions_file.display, ("questions", i, "min"),
                                  f"最小值大于最大值 {high}，这个问题无法作答 (min is above max)", low))


def _check_step_links(policy, files, errors):
    """A route step's `link` names a link of the same notice's contacts.yaml."""
    for notice in policy.notices.values():
        links = [link["id"] for link in (notice.contacts or {}).get("links", [])]
        for r, route in enumerate(notice.rules.get("routes", [])):
            for i, step in enumerate(route.get("steps", [])):
                if "link" in step and step["link"] not in links:
                    errors.append(message(notice.files["rules"].display, ("routes", r, "steps", i, "link"),
                                          f"contacts.yaml 中没有该链接，现有：{', '.join(links)} (expected a link id of contacts.yaml)",
                                          step["link"]))


def _check_fraud_warning(policy, files, errors):
    dataset = next(f for f in files if f.kind == "dataset")
    pointer = (dataset.data.get("fraud_warning") or {}).get("clause")
    notice_id, _, clause_id = (pointer or "").partition("#")
    notice = policy.notices.get(notice_id)
    if not pointer or notice is None or not notice.has_clause(clause_id):
        return      # absent, or a dangling reference _check_refs reports
    if "代办" not in notice.clause(clause_id).get("text", ""):
        errors.append(message(dataset.display, ("fraud_warning", "clause"),
                              "不是提醒“代办”的条款 (expected the anti-fraud clause)", pointer))
