"""The checker page (checker.md), rendered from the checker's questions.

The questions are rendered as static HTML at build time from checker/data/rules.json (compiled from
policy_data/questions.yaml), the very data the checker validates answers against, so the form
works before Pyodide has loaded; without JavaScript every question shows but nothing is submitted, so
answers never reach a server (they live in the URL fragment). docs/assets/checker/*.js reads this markup:
each question is a `.yzt-q` with data-key (the contract key), data-type and data-show-when.

site_build/generate/__init__.py passes the rules it has just compiled (and writes them to RULES_JSON).
"""
from __future__ import annotations

import json
from pathlib import Path

from checker.answers import DEFAULT_TEXT_LIMIT, problem_message
from site_build.generate.option_keys import office_match_keys
from site_build.generate.templating import page_environment

REPO_ROOT = Path(__file__).resolve().parents[2]
RULES_JSON = REPO_ROOT / "checker" / "data" / "rules.json"
# Radios up to this many options; a longer list (41 district offices) is a <select>.
MAX_RADIOS = 12


def _query_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _inline_checks(raw: dict) -> dict:
    """data-* attributes the page checks before sending (the messages are the checker's own)."""
    checks = {}
    if raw["type"] in ("int", "number"):
        checks = {"min": raw.get("min"), "max": raw.get("max"), "error": problem_message(raw)}
    elif raw["type"] == "text":
        checks = {"max-length": raw.get("max_length", DEFAULT_TEXT_LIMIT), "error": problem_message(raw, "length")}
    return {name: value for name, value in checks.items() if value is not None}


def questions_for_form(rules: dict) -> list[dict]:
    """Each question of the compiled rules (rules.json unless given), in order, in the shape the
    templates render; the agent-mode page renders the same list."""
    notice_meta = {nid: n["meta"] for nid, n in rules["notices"].items()}
    # Options listed from the office directory get the 区县 combobox's match keys (data-match).
    match_keys = {"offices": office_match_keys(rules["offices"], rules["area_code"])}
    out = []
    for raw in rules["questions"]:
        keys = match_keys.get(raw.get("options_from"), {})
        options = [{"value": _query_value(o["value"]), "label": o["label"], "match": keys.get(o["label"], "")}
                   for o in raw.get("options") or []]
        qtype = raw["type"]
        if qtype == "bool" and not options:
            options = [{"value": "true", "label": "是", "match": ""}, {"value": "false", "label": "否", "match": ""}]
        # Small links after the hint: the clause number, the full citation in the title.
        cites = [{"url": ref["url"], "label": f"{notice_meta[ref['notice']]['doc_number']} {ref['label']}",
                  "short": f"{_doc_short(notice_meta[ref['notice']]['doc_number'])}{ref['label']}"}
                 for ref in raw.get("refs") or []]
        show_when = raw.get("show_when") or None
        out.append({
            "key": raw["key"],
            "type": qtype,
            "text": raw.get("text") or raw["label"],
            "label": raw["label"],   # the short name in check-your-answers and the copied summary
            "hint": raw.get("hint") or "",
            "options": options,
            "unsure": bool(raw.get("unknown_allowed")),
            "unsure_label": "不确定",
            "unit": raw.get("unit") or "",
            "show_when_json": json.dumps(show_when, ensure_ascii=False) if show_when else "",
            "cites": cites,
            "in_main_form": raw.get("form", True),
            "checks": _inline_checks(raw),
            "control": "select" if len(options) > MAX_RADIOS else ("radios" if options else "input"),
            # A select whose options carry match keys is enhanced into a filterable combobox.
            "combobox": any(o["match"] for o in options),
        })
    return out


def policy_hotline(rules: dict) -> dict | None:
    """The policy hotline as a notice prints it (023-12333, dialled tel:+862312333), with its source."""
    for notice in rules["notices"].values():
        for contact in notice.get("contacts", []):
            for phone in contact["phones"]:
                if phone["kind"] == "hotline":
                    return {**phone, "role": contact["role"], "doc_number": notice["meta"]["doc_number"]}
    return None


def _doc_short(doc_number: str) -> str:
    """渝职改办〔2023〕211号 -> 211号文 (the number people say)."""
    tail = doc_number.rsplit("〕", 1)[-1]
    return f"{tail}文·" if tail else ""


def render_checker_page(site_root: str, rules: dict, questions: list[dict], built_root: str = "") -> str:
    """`questions`: questions_for_form(rules), shared with the agent page. `built_root`: the site root
    relative to the built page, for <noscript> links no engine rewrites (pages.PageContext)."""
    env = page_environment()
    return env.get_template("checker.md.j2").render(
        hotline=policy_hotline(rules),
        questions=[q for q in questions if q["in_main_form"]],
        # e.g. `today`: kept out of the main flow, but a shared link carrying it still round-trips.
        optional_questions=[q for q in questions if not q["in_main_form"]],
        root=site_root,
        built_root=built_root or site_root,
    )

