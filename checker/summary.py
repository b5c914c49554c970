"""The 工单摘要 an agent pastes into a ticket: the caller's answers first (labelled), then verdict,
office and phone, fee, round status and the three deciding clauses — at most SUMMARY_LIMIT
characters (lines joined by "\\n"), built from the display form so it says what every screen says.

The page appends the link that reopens this case (`link_label` + the checker page URL with the
answers in its #fragment); the full text stays checker/text.py's render."""

from __future__ import annotations

from . import vocabulary as words
from .rulebook import rulebook

SUMMARY_LIMIT = 600
CITES = 3


def answer_text(question: dict, value) -> str:
    """An answer as the form shows it: the option's label, 是/否, a number with its unit."""
    kind = question["type"]
    if kind == "enum":
        return next((o["label"] for o in question["options"] if o["value"] == value), str(value))
    if kind == "bool":
        return words.ANSWER_YES if value else words.ANSWER_NO
    if kind in ("int", "number"):
        return f"{value:g}{question.get('unit', '')}" if isinstance(value, float) else f"{value}{question.get('unit', '')}"
    return str(value)


def answer_lines(answers: dict) -> list[str]:
    book = rulebook()
    out = []
    for question in book.questions:
        key = question["key"]
        if key in answers and key != "notice":
            out.append(words.SUMMARY_ANSWER.format(label=question["label"], answer=answer_text(question, answers[key])))
    return out


def _cites(result: dict, form: dict) -> list[str]:
    """The deciding clauses, most decisive first: the layers', then the reasons', then the route's."""
    labels = [layer["cite"]["label"] for layer in form["layers"] if layer["cite"]]
    labels += [r["clause_label"] for r in result["reasons"]]
    if result.get("route"):
        labels.append(result["route"]["clause_label"])
    return list(dict.fromkeys(labels))[:CITES]


def summary(result: dict, form: dict) -> dict | None:
    if result.get("errors"):
        return None
    answers = result.get("answers") or {}
    panel = form["panel"]
    notice = result["notice"]
    lines = [words.SUMMARY_NOTICE.format(short_title=notice["short_title"], doc_number=notice["doc_number"]),
             *answer_lines(answers)]
    verdict_at = len(lines)
    lines += [words.SUMMARY_VERDICT.format(headline=form["headline"], layers="".join(form["lead"]))]
    office = panel["office"]
    if office:
        lines.append(words.SUMMARY_OFFICE.format(text=office["text"], phones="、".join(p["display"] for p in office["phones"])))
    elif panel["office_hint"]:
        lines.append(panel["office_hint"])
    if panel["next"] and (not office or result["needs_detail"]):
        lines.append(words.SUMMARY_NEXT.format(text=panel["next"]["text"]))
    if panel["fee"]:
        fee = panel["fee"]["text"]
        lines.append(fee if fee.startswith(words.SUMMARY_FEE.split("：")[0]) else words.SUMMARY_FEE.format(text=fee))
    if panel["round"]:
        lines.append(words.SUMMARY_ROUND.format(text=panel["round"]["short"]))
    cites = _cites(result, form)
    if cites:
        lines.append(words.SUMMARY_CITES.format(doc_number=notice["doc_number"], labels="、".join(cites)))
    return {"lines": _fit(lines, verdict_at), "link_label": words.SUMMARY_LINK}


def _fit(lines: list[str], verdict_at: int) -> list[str]:
    """Keep within SUMMARY_LIMIT: only the verdict line's explanation is shortened (the full text is
    one action away), never the answers, office, fee or status."""
    over = len("\n".join(lines)) - SUMMARY_LIMIT
    if over > 0:
        line = lines[verdict_at]
        lines = [*lines[:verdict_at], line[:max(len(line) - over - 1, 0)] + "…", *lines[verdict_at + 1:]]
    return lines
