"""python -m checker [--json] < answers.json

Reads one JSON object of answers on stdin. --json: writes the result as
canonical JSON; otherwise as readable Chinese text. Exit 0, or 2 when the
answers are invalid (the result then carries `errors`).
"""

from __future__ import annotations

import argparse
import json
import sys

from .contract import check_json
from .text import render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker", description="渝职通职称申报条件检查（回答从标准输入读入 JSON）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    output = check_json(text if text is not None else b"\xff")
    result = json.loads(output)
    sys.stdout.write(output + "\n" if args.json else render(result))
    return 2 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
