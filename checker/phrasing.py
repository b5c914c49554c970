"""One phrasing of every policy fact: a route step, an allowance, a fee, a round status, a citation.

Each function takes the data as checker/data/rules.json holds it (rulebook().notices[id][...]) and
also the richer copy a result carries (checker/routes.py, allowances.py, fees.py, timeline.py), so
the checker's display form and the site's pages (comparison, FAQ, glossary, routes, fees, timeline,
agent cards) say a fact in the same words. The words themselves live in checker/vocabulary.py;
each function's docstring names the input it takes."""

from __future__ import annotations

import re

from . import moments
from . import vocabulary as words

# --- citation ---------------------------------------------------------------------------------


def clause_cite(notice: dict, clause_id: str) -> dict:
    """{label, url} for a clause of a rules.json notice: the one citation form (label as the
    notice numbers it, e.g. 四（二）3.（3）; url relative to the site root)."""
    info = notice["clauses"].get(clause_id, {})
    return {"label": info.get("label", clause_id), "url": info.get("url")}


def citation(notice: dict, clause_id: str) -> str:
    """The clause with its document number, for a text that cites more than one notice:
    渝大数据发〔2025〕128号 四（二）3.（3） (same as policy_build.clause_labels.citation)."""
    return f"{notice['meta']['doc_number']} {clause_cite(notice, clause_id)['label']}"


_CLAUSE_REF = re.compile(r"([0-9]{4}-[a-z][a-z0-9-]*)#([a-z0-9][a-z0-9-]*)")


def readable_refs(text: str, notices: dict) -> str:
    """Turns the data's internal clause references (2023-manufacturing#c1-2) inside a text into the
    one citation form (渝职改办〔2023〕211号 一（二）); `notices`: rulebook().notices. An id that
    names no known notice is left as it is (the data checks catch it)."""
    def cited(match: re.Match) -> str:
        notice = notices.get(match.group(1))
        if not notice or match.group(2) not in notice["clauses"]:
            return match.group(0)
        return citation(notice, match.group(2))
    return _CLAUSE_REF.sub(cited, text)


def cite_text(cite: dict | None) -> str:
    """〔四（二）3.（3）〕 after a sentence, or nothing."""
    return f"〔{cite['label']}〕" if cite else ""


# --- route step -------------------------------------------------------------------------------


def step_district(step: dict) -> str | None:
    """Which district a district-office step means (rules.json `district`, a result's `district_meaning`)."""
    return step.get("district") or step.get("district_meaning")


def step_line(step: dict) -> str:
    """个人：在服务平台填报并提交 — the actor as the notice names it, and the action."""
    return f"{step['actor']}：{step['action']}"


def step_actor(step: dict) -> str:
    """The actor with the district it means and when the step applies, for a chain of steps:
    区县人力社保（职改）部门（人事代理机构所在地区县；仅当人事代理机构为区县人事代理机构时）."""
    extra = [x for x in (step_district(step), only_if_text(step)) if x]
    return f"{step['actor']}（{'；'.join(extra)}）" if extra else step["actor"]


def only_if_text(step: dict) -> str | None:
    return words.STEP_ONLY_IF.format(text=step["only_if"]) if step.get("only_if") else None


def step_details(step: dict) -> list[str]:
    """The step's caveat (only_if), its note, its papers and its link, one line each, in this order."""
    out = []
    if step.get("only_if"):
        out.append(only_if_text(step))
    if step.get("note"):
        out.append(step["note"])
    if step.get("papers"):
        out.append(words.STEP_PAPERS.format(papers="；".join(step["papers"])))
    if step.get("link"):
        out.append(words.STEP_LINK.format(**step["link"]))
    return out


def step_sentence(step: dict) -> str:
    """第一步：个人在服务平台填报并提交。 (a route's first step read aloud)"""
    return words.REPLY_ROUTE.format(actor=step["actor"], action=step["action"])


def office_step_sentence(step: dict, office: dict) -> str:
    """What the office does on this step, with the step's caveat:
    人事代理机构为区县人事代理机构时，由沙坪坝区职改办审核后报送评委会."""
    caveat = words.OFFICE_STEP_CAVEAT.format(only_if=step["only_if"]) if step.get("only_if") else ""
    by_district = bool(step_district(step)) or step.get("role") == "district_office"
    return words.OFFICE_STEP.format(caveat=caveat, office=office_name(office, by_district), action=step["action"])


def route_chain(steps: list[dict]) -> str:
    """申报人 → 所在单位 → … → 评委会 (each actor as step_actor says it)."""
    return " → ".join(step_actor(s) for s in steps)


def office_name(office: dict, by_district: bool) -> str:
    """沙坪坝区职改办 for a district office a step means by its district, else the office's name."""
    return words.OFFICE_NAME.format(name=office["name"]) if by_district else office["name"]


def office_address(office: dict) -> str | None:
    if not office.get("address"):
        return None
    postcode = words.OFFICE_POSTCODE.format(postcode=office["postcode"]) if office.get("postcode") else ""
    return words.OFFICE_ADDRESS.format(address=office["address"], postcode=postcode)


def office_source_text(source: dict | None) -> str | None:
    """Where the office directory comes from (rules.json `offices_source`)."""
    if not source:
        return None
    return words.OFFICE_SOURCE.format(doc_number=source["doc_number"], label=source["clause_label"])


def phones_text(phones: list[dict]) -> str:
    """023-…、023-… (rules.json office/contact `phones`: [{display, tel}])."""
    return "、".join(p["display"] for p in phones)


# --- pathway (正常 / 多评 / 高技能人才贯通) --------------------------------------------------------


def pathway_lines(pathway: dict) -> list[str]:
    """A rules.json `rules.pathways` entry: "多评同级别工程技术职称：本次可申报", then the notice's
    reason (not offered) and its note. "本通知未提及" for a path the notice never mentions."""
    out = [words.PATH_STATUS.format(label=pathway["label"], status=words.PATHWAY_STATUS_LABELS[pathway["status"]])]
    out += [pathway[key] for key in ("reason", "note") if pathway.get(key)]
    return out


# --- allowance --------------------------------------------------------------------------------


def effect_text(effect: dict, depends_labels: list[str] | None = None) -> str:
    """An allowance's effect with its exceptions, and (in a result) the answers it still depends on."""
    exceptions = words.EFFECT_EXCEPTIONS.format(text=effect["exceptions"]) if effect.get("exceptions") else ""
    tail = words.ALLOWANCE_DEPENDS.format(labels="、".join(depends_labels)) if depends_labels else ""
    return effect["text"] + exceptions + tail


def allowance_title(allowance: dict) -> str:
    """The title, with its status when a result says it only depends on conditions."""
    if allowance.get("status") and allowance["status"] != "applies":
        return words.ALLOWANCE_STATUS.format(title=allowance["title"], status=allowance["status_label"])
    return allowance["title"]


def allowance_lines(allowance: dict, question_label=None) -> list[str]:
    """Every effect (with exceptions), every condition and the allowance's exceptions, one line each.
    `question_label(key) -> str` names the answers an effect depends on (results only)."""
    out = []
    for effect in allowance["effects"]:
        depends = effect.get("depends_on") or []
        out.append(effect_text(effect, [question_label(k) if question_label else k for k in depends]))
    out += [words.ALLOWANCE_CONDITIONS.format(text=c) for c in allowance.get("conditions") or []]
    if allowance.get("exceptions"):
        out.append(words.ALLOWANCE_EXCEPTIONS.format(text=allowance["exceptions"]))
    return out


def allowance_sentence(allowance: dict) -> str:
    """One sentence for a table cell or an FAQ answer: 标题：效果1；效果2（条件：…；除外：…）."""
    effects = "；".join(effect_text(e) for e in allowance["effects"])
    rest = [words.ALLOWANCE_CONDITIONS.format(text=c) for c in allowance.get("conditions") or []]
    if allowance.get("exceptions"):
        rest.append(words.ALLOWANCE_EXCEPTIONS.format(text=allowance["exceptions"]))
    return f"{allowance['title']}：{effects}" + (f"（{'；'.join(rest)}）" if rest else "")


# --- fee --------------------------------------------------------------------------------------


def fee_text(fee: dict) -> str:
    """420元（高级） for a result that knows the level, else 按申报级别：高级420元、中级240元、初级120元.
    `fee`: a result's fee or rules.json notice["fees"]."""
    if fee.get("yuan") is not None:
        return words.FEE_ONE.format(yuan=fee["yuan"], grade=fee["grade"])
    return words.FEE_GRADES.format(grades="、".join(words.FEE_GRADE.format(**g) for g in fee["grades"]))


def fee_grade_text(grade: dict) -> str:
    """高级420元 (one entry of `grades`)."""
    return words.FEE_GRADE.format(**grade)


def fee_lines(fee: dict) -> list[str]:
    """Prerequisite, method, each payment step, consequence (rules.json keeps them under `payment`)."""
    payment = fee.get("payment") or fee
    out = []
    if payment.get("prerequisite"):
        out.append(words.FEE_PREREQUISITE.format(text=payment["prerequisite"]))
    if payment.get("method"):
        out.append(words.FEE_METHOD.format(text=payment["method"]))
    out += [s["text"] for s in payment.get("steps", [])]
    if payment.get("consequence"):
        out.append(payment["consequence"])
    return out


# --- cut-off of working years ---------------------------------------------------------------


def cutoff_text(cutoff: dict) -> str:
    """工作时间、任职时间计算截至2025年12月31日 — rules.json notice["cutoff"] ({date, clause}) or a
    result's `cutoff`."""
    return words.CUTOFF.format(date=moments.day_text(cutoff["date"]))


# --- round status -----------------------------------------------------------------------------


def event_line(event: dict) -> str:
    """个人填报：2023年9月4日至9月15日18:00（已截止） — an event of checker.timeline.events()."""
    return f"{event['label']}：{event['when_text']}（{event['status']}）"


def event_lines(event: dict) -> list[str]:
    out = [words.EVENT_WHO.format(who=event["who"])] if event.get("who") else []
    if event.get("note"):
        out.append(event["note"])
    return out


def round_status(events: list[dict]) -> dict | None:
    """{state, text, short, cite} for a notice's round from checker.timeline.events() (the result's
    `timeline`): closed when every event has closed, not_started when none has begun, else open."""
    if not events:
        return None
    codes = {e["status_code"] for e in events}
    if codes == {"closed"}:
        last = max(events, key=lambda e: e.get("ends_at") or "")
        return {"state": "closed", "text": words.ROUND["closed"].format(label=last["label"], when=last["when_text"]),
                "short": words.ROUND_SHORT["closed"].format(end=last["when_text"]), "cite": cite(last)}
    if codes == {"not_started"}:
        first = events[0]
        return {"state": "not_started", "text": words.ROUND["not_started"].format(label=first["label"], when=first["when_text"]),
                "short": words.ROUND_SHORT["not_started"], "cite": cite(first)}
    current = next(e for e in events if e["status_code"] != "closed")
    return {"state": "open", "short": words.ROUND_SHORT["open"], "cite": cite(current),
            "text": words.ROUND["open"].format(label=current["label"], when=current["when_text"], status=current["status"])}


def cite(item: dict | None) -> dict | None:
    """{label, url} of what a result item cites (its clause_label and url), or None."""
    if not item or not item.get("clause_label"):
        return None
    return {"label": item["clause_label"], "url": item.get("url")}
