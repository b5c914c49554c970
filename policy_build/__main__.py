"""python -m policy_build validate | compile | new-notice SOURCE.txt --id ID

validate    load and check policy_data/; print a one-line summary (exit 1 and
            the error list if the data is invalid)
compile     validate, then write the checker's rules (checker/data/rules.json)
new-notice  draft policy_data/notices/ID/ from a notice's text (policy_data/ADDING_A_NOTICE.md)

Exit codes: 0 done; 1 invalid data, or a file or stream that cannot be read or written (one line on
stderr names it: e.g. stdout on a full disk, --out onto a symlink); 2 a command-line error.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .atomic import write_text_atomic
from .loader import DEFAULT_ROOT, REPO_ROOT, PolicyError, load_policy
from .stdout import StdoutFailed, tell
from .stdout import say as _say

DEFAULT_RULES_OUT = REPO_ROOT / "checker" / "data" / "rules.json"


def _summary(policy) -> str:
    clauses = sum(len(n.clauses) for n in policy.notices.values())
    return (f"policy_data 校验通过：{len(policy.notices)} 份通知、{clauses} 条条款、"
            f"{len(policy.offices)} 个区县职改办、{len(policy.references)} 份引用文件 "
            f"(valid: {len(policy.notices)} notices, {clauses} clauses, "
            f"{len(policy.offices)} offices, {len(policy.references)} references)")


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except StdoutFailed as exc:
        tell(f"python -m policy_build：{exc}")
        return 1


def _main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policy_build", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["validate", "compile", "new-notice"])
    parser.add_argument("source", nargs="?", type=Path, help="new-notice: the notice's text (UTF-8)")
    parser.add_argument("--id", dest="notice_id", help="new-notice: the notice id, e.g. 2026-bigdata")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="policy data folder (default: policy_data/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_RULES_OUT, help="compile: where to write rules.json")
    args = parser.parse_args(argv)
    if args.command == "new-notice":
        return _new_notice(parser, args)

    try:
        policy = load_policy(args.root)
    except PolicyError as exc:
        print(f"policy_data 数据有误 (invalid policy data):\n{exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError, RecursionError) as exc:   # a file the checks above did not foresee
        print(f"policy_data 无法读取 (cannot read policy data): {type(exc).__name__}: {' '.join(str(exc).split())[:300]}",
              file=sys.stderr)
        return 1
    _say(_summary(policy))
    if args.command == "validate":
        return 0

    try:
        from .rules_export import rules_json_text
    except ModuleNotFoundError as exc:
        if exc.name != "policy_build.rules_export":
            raise
        print("无法编译：policy_build/rules_export.py 尚不存在 "
              "(cannot compile: policy_build/rules_export.py is missing)", file=sys.stderr)
        return 1
    try:
        text = rules_json_text(policy)
    except ValueError as exc:      # allow_nan=False: a non-finite number is not JSON (the loader refuses it first)
        print(f"无法编译：规则中有 JSON 无法表示的数值，原文件未改动 (cannot compile: {exc})", file=sys.stderr)
        return 1
    try:
        size = write_text_atomic(args.out, text)
    except (OSError, UnicodeEncodeError) as exc:   # the previous rules.json is left as it was
        print(f"无法写入 {args.out}，原文件未改动 (cannot write; previous file kept): {type(exc).__name__}: {exc}",
              file=sys.stderr)
        return 1
    _say(f"已写入 {args.out} (wrote {size} bytes)")
    return 0


def _new_notice(parser, args) -> int:
    from .new_notice import write_draft

    if args.source is None or not args.notice_id:
        parser.error("new-notice 需要 SOURCE.txt 和 --id (new-notice needs SOURCE.txt and --id)")
    if not re.fullmatch(r"\d{4}-[a-z][a-z0-9]*(-[a-z0-9]+)*", args.notice_id):
        parser.error("--id 应写作 年份-英文名，如 2026-bigdata (expected e.g. 2026-bigdata)")
    if not args.source.is_file():
        parser.error(f"找不到 {args.source} (no such file)")
    try:
        folder = write_draft(args.source, args.notice_id, args.root)
    except FileExistsError as exc:
        print(exc, file=sys.stderr)
        return 1
    _say(f"已起草 {folder}：请按 policy_data/ADDING_A_NOTICE.md 填写所有“待填写”项，"
          f"再运行 python -m policy_build validate (drafted; fill in every 待填写 placeholder)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
