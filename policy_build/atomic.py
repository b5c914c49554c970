"""Write a generated file so that readers see the old bytes or the new ones, never a torn file.

The text is encoded strictly first (a string UTF-8 cannot encode fails before the target is
touched), written to a temporary file in the same folder, flushed, then renamed over the target
with os.replace — atomic on POSIX and Windows.

The new file gets the mode a plain open() would give it (0o666 minus the umask: 0644 under 022),
or the mode of the file it replaces: mkstemp's 0600 made every .br/.gz unreadable to a web server's
worker account (issue 21, finding 2). A symlink or anything but a regular file at the target is
refused (NotRegularFile), never replaced.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class NotRegularFile(OSError):
    """The target exists and is a symlink or not a regular file; the message names the path."""


def write_text_atomic(path: Path, text: str) -> int:
    """Replace `path` with `text` as UTF-8; returns the number of bytes written."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> int:
    """Replace `path` with `data`; returns the number of bytes written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _target_mode(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fchmod(temp.fileno(), mode)
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return len(data)


def _target_mode(path: Path) -> int:
    """The existing regular file's permission bits, or what open() would create under the umask."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return 0o666 & ~_umask()
    if not stat.S_ISREG(info.st_mode):
        kind = "符号链接" if stat.S_ISLNK(info.st_mode) else "不是普通文件"
        raise NotRegularFile(f"{path} 是{kind}，不覆盖 (not a regular file; refusing to replace it)")
    return stat.S_IMODE(info.st_mode)


def _umask() -> int:
    """The process's umask: read from /proc on Linux (no race with threads creating files);
    elsewhere os.umask, which can only be read by setting it, is set back at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current
