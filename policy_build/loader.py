"""Loads policy_data/ into Python objects, after schema and integrity validation.

    from policy_build.loader import load_policy, PolicyError
    policy = load_policy()                       # raises PolicyError listing every problem

Every file `<kind>.yaml` (the notices' files, offices, references, questions and
any other top-level file such as glossary.yaml, available as
`policy.shared[<kind>]`) is validated against `schema/<kind>.schema.json`; then
integrity.py checks what a schema cannot (references resolve, IDs are unique,
dates are ordered, …). Nothing is returned unless the whole tree is valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from . import integrity
from .citations import citing_clauses
from .errors import PolicyError, message
from .schema_check import schema_errors
from .value_check import value_errors
from .yaml_source import parse_yaml

__all__ = ["load_policy", "Policy", "Notice", "PolicyError", "DataFile", "REPO_ROOT", "DEFAULT_ROOT"]

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ROOT = REPO_ROOT / "policy_data"
NOTICE_KINDS = ("notice", "timeline", "fees", "rules", "evidence", "contacts")
SHARED_KINDS = ("offices", "references", "questions")


@dataclass
class DataFile:
    """One YAML file as loaded: `display` is its path as messages show it."""
    kind: str
    path: Path
    display: str
    data: dict
    notice_id: str | None = None      # None for files shared by the notices


@dataclass
class Notice:
    id: str
    meta: dict                         # notice.yaml without `clauses`
    clauses: list[dict]
    timeline: dict
    fees: dict
    rules: dict
    evidence: dict
    contacts: dict
    source_text: str
    files: dict[str, DataFile] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._by_id = {c.get("id"): c for c in self.clauses if isinstance(c, dict)}

    def clause(self, cid: str) -> dict:
        try:
            return self._by_id[cid]
        except KeyError:
            raise KeyError(f"{self.id} 没有条款 {cid!r} (no such clause)") from None

    def has_clause(self, cid: str) -> bool:
        return cid in self._by_id


@dataclass
class Policy:
    root: Path
    notices: dict[str, Notice]
    offices: list[dict]
    area_code: str
    references: list[dict]             # references.yaml documents (where each is cited: cited_in)
    offices_source: str                # offices.yaml `source`: "<notice>#<clause>" that prints the directory
    questions: dict
    shared: dict[str, dict] = field(default_factory=dict, repr=False)   # every top-level file by stem
    files: list[DataFile] = field(default_factory=list, repr=False)

    def __post_init__(self):
        self._offices = {o.get("name"): o for o in self.offices if isinstance(o, dict)}
        self._references = {r.get("id"): r for r in self.references if isinstance(r, dict)}

    def newest_first(self) -> list[Notice]:
        """The notices as lists show them (checker options, nav, start page): latest issued_on first.
        `notices` itself is in issued_on order, oldest first (the loader sorts it)."""
        return list(reversed(self.notices.values()))

    def office(self, name: str) -> dict:
        try:
            return self._offices[name]
        except KeyError:
            raise KeyError(f"没有名为 {name!r} 的区县职改办 (no such office)") from None

    @cached_property
    def _citations(self) -> list[list[str]]:
        return citing_clauses(self)

    def cited_in(self, document: dict) -> list[str]:
        """`<notice>#<clause>` of every clause that prints this references.yaml document (citations.py),
        notices oldest first: found in the clauses, never typed."""
        return self._citations[next(i for i, d in enumerate(self.references) if d is document)]

    def reference(self, ref_id: str) -> dict:
        try:
            return self._references[ref_id]
        except KeyError:
            raise KeyError(f"references.yaml 中没有 {ref_id!r} (no such reference)") from None


def load_policy(root: str | Path | None = None) -> Policy:
    """Load and validate the policy data tree (default: <repo>/policy_data)."""
    root = Path(root) if root is not None else DEFAULT_ROOT
    errors: list[str] = []
    files: list[DataFile] = []

    def read(path: Path, kind: str, notice_id: str | None) -> DataFile:
        loaded = DataFile(kind, path, _display(root, path), {}, notice_id)
        loaded.data = _read_valid(root, loaded, errors)
        files.append(loaded)
        return loaded

    notices_dir = root / "notices"
    notice_dirs = sorted(p for p in notices_dir.iterdir() if p.is_dir()) if notices_dir.is_dir() else []
    if not notice_dirs:
        errors.append(message(_display(root, notices_dir), "(root)", "没有任何通知目录 (expected notices/<notice>/ folders)"))

    notices = []
    for folder in notice_dirs:
        loaded = {kind: read(folder / f"{kind}.yaml", kind, folder.name) for kind in NOTICE_KINDS}
        notices.append(_build_notice(root, folder.name, loaded, errors))
    shared = {kind: read(root / f"{kind}.yaml", kind, None) for kind in SHARED_KINDS}
    # Any further top-level file (e.g. glossary.yaml) is validated the same way against its own schema.
    for path in sorted(root.glob("*.yaml")):
        if path.stem not in shared:
            shared[path.stem] = read(path, path.stem, None)

    notices.sort(key=lambda n: (str(n.meta.get("issued_on", "")), n.id))
    offices_data = shared["offices"].data
    policy = Policy(
        root=root,
        notices={n.id: n for n in notices},
        offices=_list(offices_data.get("offices")),
        area_code=offices_data.get("area_code", ""),
        offices_source=offices_data.get("source", ""),
        references=_list(shared["references"].data.get("documents")),
        questions=shared["questions"].data,
        shared={kind: loaded.data for kind, loaded in shared.items()},
        files=files,
    )
    # A field the schema already rejected is not reported again by the integrity checks.
    rejected = {_where(e) for e in errors}
    errors.extend(e for e in integrity.check(policy, files, schema_valid=not errors) if _where(e) not in rejected)
    if errors:
        raise PolicyError(errors)
    return policy


def _display(root: Path, path: Path) -> str:
    """Path as messages show it: relative to the folder holding policy_data/."""
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _where(error: str) -> str:
    """'file: field' of a message."""
    return ": ".join(error.split(": ", 2)[:2])


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _read_valid(root: Path, loaded: DataFile, errors: list[str]) -> dict:
    """Parse one file and validate it against its schema; problems go to `errors`."""
    file = loaded.display
    if not loaded.path.is_file():
        errors.append(message(file, "(root)", "文件缺失 (file missing)"))
        return {}
    text = read_utf8(loaded.path, file, errors)
    if text is None:
        return {}
    try:
        data, duplicates = parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        position = getattr(exc, "position", None)       # a ReaderError (e.g. a NUL) has no mark
        line = mark.line + 1 if mark else (text.count("\n", 0, position) + 1 if position is not None else None)
        where = f"第{line}行" if line else "(root)"
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        errors.append(message(file, where, f"YAML 语法错误 (invalid YAML: {problem})"))
        return {}
    # No string here can hold a lone surrogate: read_utf8 refuses its bytes and libyaml its \ud800
    # escape (tests/data/test_policy_hostile_files.py, surrogate_*), so compile can always write it.
    for line, key in duplicates:
        errors.append(message(file, f"第{line}行", f"重复的键 '{key}' (duplicate key)"))
    if not isinstance(data, dict):
        errors.append(message(file, "(root)", "文件内容应为映射 (expected a YAML mapping)"))
        return {}
    errors.extend(value_errors(data, file))
    schema_path = root / "schema" / f"{loaded.kind}.schema.json"
    if not schema_path.is_file():
        errors.append(message(file, "(root)", f"缺少 schema/{loaded.kind}.schema.json (no schema for this file kind)"))
    else:
        errors.extend(schema_errors(data, schema_path, file))
    return data


def read_utf8(path: Path, file: str, errors: list[str]) -> str | None:
    """The file as strict UTF-8, or None with a message naming the first bad byte (UTF-16, Latin-1 …)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        errors.append(message(file, f"字节偏移{exc.start}",
                              f"不是 UTF-8 编码的文本，请以 UTF-8 保存 (not UTF-8 at byte offset {exc.start})"))
        return None


def _build_notice(root: Path, folder_id: str, loaded: dict[str, DataFile], errors: list[str]) -> Notice:
    notice_file = loaded["notice"]
    meta = {k: v for k, v in notice_file.data.items() if k != "clauses"}
    if meta and meta.get("id") != folder_id:
        errors.append(message(notice_file.display, "id",
                              f"应与目录名一致：'{folder_id}' (expected the folder name '{folder_id}')", meta.get("id")))
    source_text = ""
    source = meta.get("source")
    if isinstance(source, str):
        source_path = root / source
        if source_path.is_file():
            source_text = read_utf8(source_path, _display(root, source_path), errors) or ""
        else:
            errors.append(message(notice_file.display, "source",
                                  "来源文件不存在 (expected an existing file under policy_data/)", source))
    return Notice(
        id=folder_id,
        meta=meta,
        clauses=_list(notice_file.data.get("clauses")),
        timeline=loaded["timeline"].data,
        fees=loaded["fees"].data,
        rules=loaded["rules"].data,
        evidence=loaded["evidence"].data,
        contacts=loaded["contacts"].data,
        source_text=source_text,
        files=loaded,
    )
