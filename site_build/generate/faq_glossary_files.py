"""Load and check policy_data/glossary.yaml and policy_data/faq.yaml.

Each file is validated against its JSON Schema (schema/<kind>.schema.json) with the
loader's own message format, then checked against the loaded policy: every clause
reference resolves, ids are unique, references and page keys exist. Problems raise
PolicyError naming file and field, like every other data error of the build.
"""
from __future__ import annotations

from pathlib import Path

from policy_build.errors import PolicyError, message
from policy_build.schema_check import schema_errors
from policy_build.yaml_source import parse_yaml

from site_build.generate.page_registry import SINGLE_KEYS as KNOWN_PAGES   # page keys a glossary term may name


def _read(policy, kind: str) -> tuple[dict, str, list[str]]:
    path = Path(policy.root) / f"{kind}.yaml"
    display = f"{Path(policy.root).name}/{kind}.yaml"
    loaded = next((f for f in policy.files if f.kind == kind and f.path == path), None)
    if loaded is not None:      # load_policy already parsed and schema-checked this very file
        return loaded.data, display, []
    if not path.is_file():
        raise PolicyError([message(display, "(root)", "文件缺失 (file missing)")])
    data, duplicates = parse_yaml(path.read_text(encoding="utf-8"))
    errors = [message(display, f"第{line}行", f"重复的键 '{key}' (duplicate key)") for line, key in duplicates]
    if not isinstance(data, dict):
        raise PolicyError([message(display, "(root)", "文件内容应为映射 (expected a YAML mapping)")])
    errors += schema_errors(data, Path(policy.root) / "schema" / f"{kind}.schema.json", display)
    if errors:
        raise PolicyError(errors)
    return data, display, errors


def clause_exists(policy, qualified: str) -> bool:
    notice_id, _, clause_id = qualified.partition("#")
    notice = policy.notices.get(notice_id)
    return notice is not None and notice.has_clause(clause_id)


def _check_ids(items, display: str, section: str, errors: list[str]) -> None:
    seen = set()
    for index, item in enumerate(items):
        if item["id"] in seen:
            errors.append(message(display, f"{section}[{index}].id", "ID 重复 (expected a unique id)", item["id"]))
        seen.add(item["id"])


def _check_refs(policy, refs, display: str, where: str, errors: list[str]) -> None:
    known = {r.get("id") for r in policy.references}
    for index, ref in enumerate(refs or []):
        if ref not in known:
            errors.append(message(display, f"{where}[{index}]", "references.yaml 中没有这个文件 (expected a references.yaml id)", ref))


def load_glossary(policy) -> list[dict]:
    data, display, errors = _read(policy, "glossary")
    terms = data["terms"]
    _check_ids(terms, display, "terms", errors)
    for index, term in enumerate(terms):
        for j, sentence in enumerate(term["definition"]):
            if not clause_exists(policy, sentence["clause"]):
                errors.append(message(display, f"terms[{index}].definition[{j}].clause",
                                      "条款不存在 (expected an existing <notice>#<clause>)", sentence["clause"]))
        _check_refs(policy, term.get("references"), display, f"terms[{index}].references", errors)
        for j, page in enumerate(term.get("pages") or []):
            if page not in KNOWN_PAGES:
                errors.append(message(display, f"terms[{index}].pages[{j}]",
                                      f"没有这个页面，可用：{', '.join(sorted(KNOWN_PAGES))} (unknown page key)", page))
        if not clauses_using(policy, term):
            errors.append(message(display, f"terms[{index}].term",
                                  "通知条款中找不到这个词或其 forms (expected the notices to use the term)", term["term"]))
    if errors:
        raise PolicyError(errors)
    return terms


def clauses_using(policy, term: dict) -> list[tuple[str, str]]:
    """(notice_id, clause_id) of every clause whose heading or text prints the term or one of its forms."""
    words = [term["term"], *(term.get("forms") or [])]
    found = []
    for notice_id, notice in policy.notices.items():
        for clause in notice.clauses:
            text = f"{clause.get('title') or ''}\n{clause.get('text') or ''}"
            if any(word in text for word in words):
                found.append((notice_id, clause["id"]))
    return found


def load_faq(policy) -> tuple[list[dict], str]:
    """The questions, and the file's display name (for render error messages)."""
    data, display, errors = _read(policy, "faq")
    questions = data["questions"]
    _check_ids(questions, display, "questions", errors)
    for index, question in enumerate(questions):
        for j, ref in enumerate(question.get("clauses") or []):
            if not clause_exists(policy, ref):
                errors.append(message(display, f"questions[{index}].clauses[{j}]",
                                      "条款不存在 (expected an existing <notice>#<clause>)", ref))
    if errors:
        raise PolicyError(errors)
    return questions, display
