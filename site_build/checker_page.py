"""MkDocs hook: generate the checker page (checker.md) from the checker's questions.

The questions are rendered as static HTML at build time from checker/data/rules.json (compiled from
policy_data/questions.yaml), the very data the checker validates answers against, so the form
works before Pyodide has loaded; without JavaScript every question shows but nothing is submitted, so
answers never reach a server (they live in the URL fragment). docs/assets/checker/*.js reads this markup:
each question is a `.yzt-q` with data-key (the contract key), data-type and data-show-when.

Listed in mkdocs.yml `hooks:` before site_build/hooks.py, whose on_files looks for checker.md.
"""
from __future__ import annotations

import json
import posixpath
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from checker.answers import problem_message  # noqa: E402
from policy_build.phones import phone_display, phone_tel  # noqa: E402
from policy_build.yaml_source import parse_yaml  # noqa: E402
from site_build.templating import page_environment  # noqa: E402

CHECKER_PAGE = "checker.md"
RULES_JSON = REPO_ROOT / "checker" / "data" / "rules.json"
# Radios up to this many options; a longer list (41 district offices) is a <select>.
MAX_RADIOS = 12


def _query_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def load_rule_questions() -> tuple[list[dict], dict]:
    """The questions exactly as the checker validates them (rules.json), plus notice metadata."""
    if not RULES_JSON.is_file():
        raise PluginError("checker/data/rules.json 不存在：请先运行 scripts/setup"
                          "（或 .venv/bin/python -m policy_build compile）。")
    rules = json.loads(RULES_JSON.read_text(encoding="utf-8"))
    return rules["questions"], {nid: n["meta"] for nid, n in rules["notices"].items()}


def _inline_checks(raw: dict) -> dict:
    """data-* attributes the page checks before sending (the messages are the checker's own)."""
    checks = {}
    if raw["type"] in ("int", "number"):
        checks = {"min": raw.get("min"), "max": raw.get("max"), "error": problem_message(raw)}
    elif raw["type"] == "text":
        checks = {"max-length": raw.get("max_length", 100), "error": problem_message(raw, "length")}
    return {name: value for name, value in checks.items() if value is not None}


def policy_hotline() -> dict:
    """The hotline a notice prints (kind: hotline in notices/*/contacts.yaml), e.g. 023-12333."""
    for path in sorted((REPO_ROOT / "policy_data" / "notices").glob("*/contacts.yaml")):
        for contact in parse_yaml(path.read_text(encoding="utf-8"))[0].get("contacts") or []:
            for phone in contact.get("phones") or []:
                if isinstance(phone, dict) and phone.get("kind") == "hotline":
                    return {"display": phone_display(phone), "tel": phone_tel(phone)[len("tel:"):]}
    raise PluginError("policy_data/notices/*/contacts.yaml 中没有咨询热线 (kind: hotline)。")


def questions_for_form(policy=None) -> list[dict]:
    """Each question of rules.json, in order, in the shape the templates render (also used by the
    agent-mode page). `policy` is accepted for callers that pass it; rules.json is the source."""
    questions, notice_meta = load_rule_questions()
    out = []
    for raw in questions:
        options = [{"value": _query_value(o["value"]), "label": o["label"]} for o in raw.get("options") or []]
        qtype = raw["type"]
        if qtype == "bool" and not options:
            options = [{"value": "true", "label": "是"}, {"value": "false", "label": "否"}]
        # Small links after the hint: the clause number, the full citation in the title.
        cites = [{"url": ref["url"], "label": f"{notice_meta[ref['notice']]['doc_number']} {ref['label']}",
                  "short": f"{_doc_short(notice_meta[ref['notice']]['doc_number'])}{ref['label']}"}
                 for ref in raw.get("refs") or []]
        # The hint names each notice once: 依据：渝职改办〔2023〕211号 一（一）、一（二）；渝大数据发…
        cite_groups: dict[str, list[dict]] = {}
        for ref in raw.get("refs") or []:
            cite_groups.setdefault(notice_meta[ref["notice"]]["doc_number"], []).append(
                {"url": ref["url"], "label": ref["label"]})
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
            "cite_groups": [{"doc_number": doc, "refs": refs} for doc, refs in cite_groups.items()],
            "in_main_form": raw.get("form", True),
            "checks": _inline_checks(raw),
            "control": "select" if len(options) > MAX_RADIOS else ("radios" if options else "input"),
        })
    return out


def _doc_short(doc_number: str) -> str:
    """渝职改办〔2023〕211号 -> 211号文 (the number people say)."""
    tail = doc_number.rsplit("〕", 1)[-1]
    return f"{tail}文·" if tail else ""


def render_checker_page(site_root: str) -> str:
    env = page_environment()
    questions = questions_for_form()
    return env.get_template("checker.md.j2").render(
        questions=[q for q in questions if q["in_main_form"]],
        # e.g. `today`: kept out of the main flow, but a shared link carrying it still round-trips.
        optional_questions=[q for q in questions if not q["in_main_form"]],
        root=site_root,
        hotline=policy_hotline(),
    )


def on_config(config, **kwargs):
    path = str(REPO_ROOT / "docs" / "assets" / "checker")
    if path not in config.watch:
        config.watch.append(path)
    return config


def on_files(files, config, **kwargs):
    page = File.generated(config, CHECKER_PAGE, content="")
    depth = page.url.rstrip("/").count("/") + (1 if page.url.endswith("/") and page.url else 0)
    site_root = posixpath.join(*([".."] * depth)) + "/" if depth else "./"
    page.content_string = render_checker_page(site_root)
    files.append(page)
    return files
