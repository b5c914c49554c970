"""python -m site_build — write the generated docs folder (build/generated_docs/) and print where.

The same step the mkdocs hook runs; use it to render the folder with another engine (Zensical).
"""
from __future__ import annotations

import sys

from policy_build.errors import PolicyError
from policy_build.stdout import StdoutFailed, say, tell
from site_build.generate import GENERATED_DOCS, generate


def main() -> int:
    try:
        generated = generate(GENERATED_DOCS)
    except PolicyError as exc:
        print(f"policy_data 数据有误 (invalid policy data):\n{exc}", file=sys.stderr)
        return 1
    try:
        say(f"已生成 {generated.docs_dir}（{len(generated.written)} 个文件有变化）")
    except StdoutFailed as exc:
        tell(f"python -m site_build：{exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
