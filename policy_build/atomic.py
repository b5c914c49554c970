"""Write a generated file so that readers see the old bytes or the new ones, never a torn file.

The text is encoded strictly first (a string UTF-8 cannot encode fails before the target is
touched), written to a temporary file in the same folder, flushed, then renamed over the target
with os.replace — atomic on POSIX and Windows.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> int:
    """Replace `path` with `text` as UTF-8; returns the number of bytes written."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> int:
    """Replace `path` with `data`; returns the number of bytes written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return len(data)
