"""python -m checker [--json] < answers.json

Reads one JSON object of answers (UTF-8) on stdin. --json: writes the result as
canonical JSON; otherwise as readable Chinese text.
Exit codes: 0 a result; 2 the answers (or the command line) are invalid — the
result carries `errors`; 3 the checker itself failed (header 检查器内部出错).
"""

from __future__ import annotations

import argparse
import json
import sys

from . import vocabulary as words
from .contract import INTERNAL_FIELD, check_json
from .text import render

EXIT_RESULT, EXIT_INVALID, EXIT_INTERNAL = 0, 2, 3
_ARGPARSE_WORDS = {"usage: ": "用法：", "options:": "选项：", "positional arguments:": "位置参数："}
_ARGPARSE_ERRORS = {"unrecognized arguments": "不认识的参数", "expected one argument": "缺少参数值",
                    "the following arguments are required": "缺少必需的参数"}


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its fixed English words (usage, options, errors) in Chinese."""

    def format_usage(self):
        return _translate(super().format_usage(), _ARGPARSE_WORDS)

    def format_help(self):
        return _translate(super().format_help(), _ARGPARSE_WORDS)

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}：参数有误：{_translate(message, _ARGPARSE_ERRORS)}\n")


def _translate(text: str, words: dict) -> str:
    for english, chinese in words.items():
        text = text.replace(english, chinese)
    return text


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):   # never a UnicodeEncodeError on a console that is not UTF-8
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    parser = ChineseArgumentParser(prog="python -m checker", add_help=False,
                                   description="渝职通职称申报条件检查（回答从标准输入读入 JSON，UTF-8 编码）。"
                                   "退出码：0 给出结果，2 回答有误，3 检查器内部出错。")
    parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    args = parser.parse_args(argv)
    output = check_json(sys.stdin.buffer.read())
    result = json.loads(output)
    internal = any(error["field"] == INTERNAL_FIELD for error in result["errors"])
    if args.json:
        sys.stdout.write(output + "\n")
    elif internal:
        sys.stdout.write(words.INTERNAL_HEADER + "\n" + "".join(f"  - {e['message']}\n" for e in result["errors"]))
    else:
        sys.stdout.write(render(result))
    if internal:
        return EXIT_INTERNAL
    return EXIT_INVALID if result["errors"] else EXIT_RESULT


if __name__ == "__main__":
    sys.exit(main())
