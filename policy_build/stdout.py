"""One line to stdout for the build commands (policy_build, site_build), failing in a way they can report.

A print to a full disk or a closed pipe fails, and the interpreter's own flush at exit fails again
("Exception ignored …", exit 120): issue 21 finding 9. `say` prints and flushes at once; on failure
it points fd 1 at /dev/null and raises StdoutFailed, whose message the command prints on stderr.
"""

from __future__ import annotations

import errno
import os
import sys


class StdoutFailed(Exception):
    """stdout cannot be written (full disk, closed pipe or descriptor); the message says why."""


def say(text: str) -> None:
    """Print one line to stdout now, so a failure is caught here and not at interpreter exit."""
    try:
        if sys.stdout is None:
            raise ValueError("stdout closed")
        print(text)
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        reason = {errno.ENOSPC: "磁盘已满", errno.EPIPE: "管道已关闭"}.get(getattr(exc, "errno", None), "已关闭")
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())
            os.close(null)
        except (OSError, ValueError, AttributeError):
            pass
        raise StdoutFailed(f"无法写入标准输出（{reason}） (cannot write to stdout)") from None


def tell(line: str) -> None:
    """One line on stderr, if stderr works at all."""
    try:
        print(line, file=sys.stderr)
    except (OSError, ValueError, AttributeError):
        pass
