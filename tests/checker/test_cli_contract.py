"""The CLI contract under hostile input (issue 14, findings 3–5), and every message the checker can
produce in plain Chinese without internal keys (issue 10).

Exit 0 result, 2 invalid answers (or command line), 3 internal error under its own header; messages
echo at most a short escaped excerpt; output stays small whatever the input.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import checker.__main__ as cli
from checker.answers import EXCERPT_CHARS, MAX_UNKNOWN_LISTED, problem_message
from checker.contract import INTERNAL_ERROR, check_json
from checker.rulebook import rulebook
from fuzz_corpus import fuzz_inputs

REPO = Path(__file__).resolve().parents[2]
BOOK = rulebook()
OUTPUT_LIMIT = 64 * 1024
VALID = {"notice": "2025-bigdata", "path": "normal", "level": "intermediate"}


def run_main(stdin: bytes, *args: str) -> tuple[int, str, str]:
    """`python -m checker` in-process: (exit code, stdout, stderr)."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    sys.stdout, sys.stderr = io.TextIOWrapper(out, encoding="ascii"), io.TextIOWrapper(err, encoding="ascii")
    try:
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:
            code = exit_.code
        sys.stdout.flush()
        sys.stderr.flush()
        written = out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return (code, *written)


def answers(**extra) -> bytes:
    return json.dumps({**VALID, **extra}, ensure_ascii=False).encode("utf-8")


def messages(stdout: str) -> list[str]:
    return [error["message"] for error in json.loads(stdout)["errors"]]


# --- one regression test per finding ------------------------------------------------------------

def test_lone_surrogate_in_an_answer_is_echoed_escaped_not_crashing():
    code, out, _ = run_main(b'{"notice": "\\ud800"}')          # finding 3: UnicodeEncodeError before
    assert code == 2
    assert "\\ud800" in out and "\ud800" not in out


def test_non_utf8_stdin_gets_a_clear_message_not_internal_error():
    code, out, _ = run_main(b"\xff\xfe{\x00", "--json")        # finding 4
    assert code == 2
    assert messages(out) == ["回答不是 UTF-8 编码的文本（字节偏移0处），请以 UTF-8 保存后重试。"]


@pytest.mark.parametrize("digits", [4000, 5000])
def test_huge_integers_get_the_normal_range_message(digits):
    code, out, _ = run_main(b'{"notice": "2025-bigdata", "insurance_months": ' + b"9" * digits + b"}", "--json")
    assert code == 2                                            # finding 4: "内部出错" / "invalid JSON" before
    [message] = messages(out)
    assert message.startswith("「社保缴费月数」请填写0到1200之间的整数")
    assert len(message) < 120


def test_internal_error_has_its_own_exit_code_and_header(monkeypatch):
    import checker.contract as contract

    def broken(book, clean):
        raise ZeroDivisionError
    monkeypatch.setattr(contract, "assemble", broken)
    code, out, _ = run_main(answers())                          # finding 4: shared "回答有误" and exit 2 before
    assert code == 3
    assert out.startswith("检查器内部出错") and "回答有误" not in out
    assert INTERNAL_ERROR in out


def test_an_unreadable_rules_file_is_an_internal_error_naming_the_file(monkeypatch):
    """issue 21 finding 2: rules.json unreadable by the account running the CLI gave exit 3 with
    "请核对您的回答（PermissionError）" — a message that blamed the visitor's answers."""
    import checker.rulebook as rules_module

    class Unreadable:
        def files(self, package):
            return self

        def joinpath(self, *parts):
            self.path = "/srv/yzt/checker/" + "/".join(parts)
            return self

        def read_text(self, encoding):
            raise PermissionError(13, "Permission denied", self.path)

    rules_module.rulebook.cache_clear()
    monkeypatch.setattr(rules_module, "resources", Unreadable())
    try:
        code, out, _ = run_main(answers())
        json_code, json_out, _ = run_main(answers(), "--json")
    finally:
        rules_module.rulebook.cache_clear()
    assert code == json_code == 3
    assert out.startswith("检查器内部出错")
    assert "/srv/yzt/checker/data/rules.json" in out and "没有读取权限" in out
    assert "核对您的回答" not in out and "与您的回答无关" in out
    [error] = json.loads(json_out)["errors"]
    assert error["field"] == "(checker)" and "rules.json" in error["message"]


def test_argparse_speaks_chinese():
    code, _, err = run_main(b"{}", "--bogus")
    assert code == 2
    assert "用法：" in err and "参数有误：不认识的参数" in err and "usage" not in err
    code, out, _ = run_main(b"", "--help")
    assert code == 0 and "显示本帮助并退出" in out and "show this help" not in out


def test_nul_and_newlines_are_never_echoed_raw():
    code, out, _ = run_main(answers(level="a\x00b\nc\u2028d"), "--json")
    [message] = messages(out)
    assert code == 2
    assert "\\x00" in message and "\\n" in message and not re.search(r"[\x00-\x1f\u2028]", message)


def test_duplicate_keys_are_an_error():
    code, out, _ = run_main(b'{"notice": "2025-bigdata", "level": "junior", "level": "senior"}', "--json")
    assert code == 2
    assert messages(out) == ["回答中的项目「level」出现了不止一次，请只保留一个。"]


def test_unknown_keys_give_one_bounded_error():
    many = {f"utm_{i}": i for i in range(100_000)}              # finding 5: 537 MB of output before
    code, out, _ = run_main(answers(**many), "--json")
    assert code == 2
    [message] = messages(out)
    assert message.count("「utm_") == MAX_UNKNOWN_LISTED and "等100000项" in message
    assert len(out.encode()) < OUTPUT_LIMIT


def test_a_huge_key_is_echoed_as_a_short_excerpt():
    code, out, _ = run_main(answers(**{"k" * 5_000_000: 1}), "--json")
    assert code == 2
    assert "k" * EXCERPT_CHARS + "…" in out and len(out.encode()) < 4096


def test_a_few_real_processes_keep_the_contract():
    """The same contract through a real interpreter, stdin and exit status."""
    cases = [(answers(), 0), (b'{"notice": "\\ud800"}', 2), (b"\xff", 2), (b"[" * 100_000, 2),
             (b'{"notice": "2025-bigdata", "aid_service_years": 1e999}', 2)]
    for stdin, expected in cases:
        proc = subprocess.run([sys.executable, "-m", "checker"], input=stdin, cwd=REPO, capture_output=True,
                              timeout=60, env={"PYTHONIOENCODING": "ascii", "PATH": ""})
        assert proc.returncode == expected, (stdin[:40], proc.stderr)
        assert proc.stderr == b"" and len(proc.stdout) < OUTPUT_LIMIT
        proc.stdout.decode("utf-8")


# --- I/O edges: each one line on stderr and the documented exit code, never a traceback ---------

IO_EDGES = {
    "stdin closed": ("{py} -m checker <&-", 3, "标准输入已关闭"),
    "stdout on a full disk": ("{py} -m checker >/dev/full", 3, "磁盘已满"),
    "stdout closed": ("{py} -m checker >&-", 3, "标准输出已关闭"),
    "--json on a full disk": ("{py} -m checker --json >/dev/full", 3, "磁盘已满"),
    "--help on a full disk": ("{py} -m checker --help >/dev/full", 3, "磁盘已满"),
    "validate on a full disk": ("{py} -m policy_build validate >/dev/full", 1, "磁盘已满"),
    "validate, stdout closed": ("{py} -m policy_build validate >&-", 1, "已关闭"),
    "site_build on a full disk": ("{py} -m site_build >/dev/full", 1, "磁盘已满"),
}


@pytest.mark.parametrize("edge", IO_EDGES)
def test_io_edges_end_with_one_line_and_the_documented_code(edge):
    """issue 21 finding 9: `python -m checker <&-` (AttributeError), `>/dev/full` (OSError),
    `policy_build validate >/dev/full` — tracebacks and rc 1 or 120 instead of the exit-code contract."""
    command, expected, words = IO_EDGES[edge]
    proc = subprocess.run(["bash", "-c", command.format(py=sys.executable)], input=answers(), cwd=REPO,
                          capture_output=True, timeout=120)
    stderr = proc.stderr.decode("utf-8")
    assert proc.returncode == expected, stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert len(stderr.strip().splitlines()) == 1 and words in stderr, stderr


def test_a_closed_pipe_ends_with_one_line_and_exit_3():
    """issue 21 finding 9: a reader that went away (BrokenPipeError) gave a traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "checker"], cwd=REPO, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()                        # the reader is gone before the checker writes
    _, err = proc.communicate(answers(), timeout=60)
    stderr = err.decode("utf-8")
    assert proc.returncode == 3, stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1 and "管道已关闭" in stderr


# --- every message is plain Chinese, without internal keys ----------------------------------------

def _every_error_message() -> list[str]:
    """Each error message the checker can produce: each question's problems, and each way the
    input as a whole can be wrong."""
    found = [problem_message(q, p) for q in BOOK.questions for p in ("value", "length", "characters")]
    bad_inputs = [b"", b"null", b"[]", b"{", b"\xff", b"[" * 100_000, b'{"a": 1, "a": 2}', b'{"x": 1}',
                  b'{"notice": "2025-bigdata", "level": "x", "path": 3, "retired": "yes", "today": "2023-02-30",'
                  b' "insurance_months": -1, "aid_service_years": NaN, "specialty": "\\u0000"}']
    for text in bad_inputs:
        found += [e["message"] for e in json.loads(check_json(text))["errors"]]
    found.append(INTERNAL_ERROR)
    return found


def test_no_message_names_an_internal_key():
    keyword = re.compile(r"(?<![A-Za-z_])(" + "|".join(map(re.escape, BOOK.question)) + r")(?![A-Za-z_])")
    found = _every_error_message()
    assert len(found) > 3 * len(BOOK.questions)
    for message in found:
        assert re.search(r"[\u4e00-\u9fff]", message), message
        assert not keyword.search(message), message


# --- fuzz: 10,000 inputs through main() ------------------------------------------------------------

FUZZ_INPUTS = 10_000


class FullDisk(io.TextIOWrapper):
    """A stdout whose every write fails as on /dev/full."""

    def __init__(self):
        super().__init__(io.BytesIO(), encoding="utf-8")

    def write(self, text):
        raise OSError(28, "No space left on device")


def run_on_broken_streams(stdin: bytes | None, *args: str) -> tuple[int, str]:
    """main() with stdout failing (or stdin closed when `stdin` is None): (exit code, stderr)."""
    err = io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = None if stdin is None else io.TextIOWrapper(io.BytesIO(stdin))
    sys.stdout, sys.stderr = FullDisk(), err
    try:
        code = cli.main(list(args))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return code, err.getvalue()


def test_fuzz_cli_never_crashes_and_stays_bounded():
    """10,000 inputs: exit 0 or 2 (as the result's errors say), at most 64 KB of UTF-8, no traceback;
    every 100th also with stdout on a full disk and with stdin closed (issue 21 finding 9): exit 3, one line."""
    codes = set()
    for index, stdin in enumerate(fuzz_inputs(seed=14, count=FUZZ_INPUTS)):
        if index % 100 == 0:
            for broken_stdin in (stdin, None):
                code, err = run_on_broken_streams(broken_stdin, *(["--json"] if index % 200 else []))
                assert code == 3 and err.count("\n") == 1 and err.startswith("python -m checker："), err
        args = ["--json"] if index % 2 else []
        code, out, err = run_main(stdin, *args)
        codes.add(code)
        assert code in (0, 2), (stdin, out)
        assert err == "" and "Traceback" not in out
        assert len(out.encode()) <= OUTPUT_LIMIT
        if args:
            assert (code == 2) == bool(json.loads(out)["errors"])
    assert codes == {0, 2}
