"""python -m checker [--json] < answers.json

Reads one JSON object of answers (UTF-8) on stdin. --json: writes the result as
canonical JSON; otherwise as readable Chinese text.
Exit codes: 0 a result; 2 the answers (or the command line) are invalid — the
result carries `errors`; 3 the checker itself failed (header 检查器内部出错), or
could not read its input or write its output (closed stdin, a full disk, a closed
pipe): then one Chinese line on stderr says which, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
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

    def _print_message(self, message, file=None):
        # argparse swallows a failed write (--help >/dev/full would exit 0 having printed nothing)
        if message and (file is None or file is sys.stdout):
            _write(message)
        elif message:
            _tell(message.rstrip("\n"))

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}：参数有误：{_translate(message, _ARGPARSE_ERRORS)}\n")


def _translate(text: str, words: dict) -> str:
    for english, chinese in words.items():
        text = text.replace(english, chinese)
    return text


class StreamError(Exception):
    """stdin, stdout or stderr failed; the message says which, in Chinese."""


_ERRNO_WORDS = {errno.ENOSPC: "磁盘已满", errno.EPIPE: "管道已关闭", errno.EACCES: "没有权限",
                errno.EBADF: "已关闭", errno.EISDIR: "是文件夹", errno.EIO: "输入输出错误"}


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno in _ERRNO_WORDS:
        return _ERRNO_WORDS[exc.errno]
    if isinstance(exc, ValueError):                 # "I/O operation on closed file"
        return "已关闭"
    return type(exc).__name__


def main(argv: list[str] | None = None) -> int:
    try:
        try:
            code = _run(argv)
        except SystemExit as exit_:                 # argparse: --help, or a command-line error
            code = exit_.code if isinstance(exit_.code, int) else EXIT_INVALID
        _flush_stdout()
        return code
    except StreamError as problem:
        _tell(f"python -m checker：{problem}")
        return EXIT_INTERNAL


def _read_stdin() -> bytes:
    if sys.stdin is None:                           # started with stdin closed (<&-)
        raise StreamError("无法从标准输入读取回答（标准输入已关闭）。")
    try:
        return sys.stdin.buffer.read()
    except (OSError, ValueError) as exc:
        raise StreamError(f"无法从标准输入读取回答（{_reason(exc)}）。") from None


def _write(text: str) -> None:
    if sys.stdout is None:                          # started with stdout closed (>&-)
        raise StreamError("无法向标准输出写出结果（标准输出已关闭）。")
    try:
        sys.stdout.write(text)
    except (OSError, ValueError) as exc:
        _silence_stdout()
        raise StreamError(f"无法向标准输出写出结果（{_reason(exc)}）。") from None


def _flush_stdout() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        _silence_stdout()
        raise StreamError(f"无法向标准输出写出结果（{_reason(exc)}）。") from None


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's own flush at exit cannot fail a second time
    (it would print "Exception ignored …" and exit 120)."""
    try:
        fd = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (OSError, ValueError, AttributeError):   # an in-memory stream (tests): nothing to redirect
        pass


def _tell(line: str) -> None:
    """One line on stderr, if stderr works at all."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _run(argv: list[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):   # never a UnicodeEncodeError on a console that is not UTF-8
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    parser = ChineseArgumentParser(prog="python -m checker", add_help=False,
                                   description="渝职通职称申报条件检查（回答从标准输入读入 JSON，UTF-8 编码）。"
                                   "退出码：0 给出结果，2 回答有误，3 检查器内部出错或无法读写输入输出。")
    parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    args = parser.parse_args(argv)
    output = check_json(_read_stdin())
    result = json.loads(output)
    internal = any(error["field"] == INTERNAL_FIELD for error in result["errors"])
    if args.json:
        _write(output + "\n")
    elif internal:
        _write(words.INTERNAL_HEADER + "\n" + "".join(f"  - {e['message']}\n" for e in result["errors"]))
    else:
        _write(render(result))
    if internal:
        return EXIT_INTERNAL
    return EXIT_INVALID if result["errors"] else EXIT_RESULT


if __name__ == "__main__":
    sys.exit(main())
