"""The checker's Pyodide memory snapshot, made at build time in Node (site_build/finish/make_snapshot.mjs).

Restoring it in the worker skips Python's start-up and the checker's import (≈3 s → ≈0.5 s on the
test machine). Beside `snapshot.bin` goes `snapshot.json`: the Pyodide version that made it, the
sha256 of the checker wheel that was imported, of the standard library zip it was made from (the heap
holds offsets into that zip: restored over another zip, imports read garbage), of snapshot.bin itself
(the worker checks it before restoring: a changed byte must not become a wrong phone number), and how
the heap is packed: `snapshot.bin` holds only
its non-zero 4 KiB pages, listed in `runs` as [offset, length] (half of the 31.5 MB heap is zeros, and
reading them from the browser's cache was the longest step of a warm start; unpacked by
docs/assets/checker/snapshot_memory.js). The worker restores the snapshot only when all of these match
what it loaded; otherwise, or when restoring fails, it boots normally.
A snapshot that cannot be made is not an error: the site works without it, only slower.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

MAKER = Path(__file__).with_name("make_snapshot.mjs")
SNAPSHOT = "snapshot.bin"
SNAPSHOT_META = "snapshot.json"
STDLIB = "python_stdlib.zip"  # the zip the snapshot is made from and served with (pyodide_vendor)
PAGE = 4096


def pack(memory: bytes) -> tuple[bytes, list[list[int]]]:
    """The heap's non-zero pages back to back, and their [offset, length] runs."""
    zero_page = bytes(PAGE)
    runs: list[list[int]] = []
    for offset in range(0, len(memory), PAGE):
        if memory[offset:offset + PAGE] == zero_page[:len(memory) - offset]:
            continue
        length = min(PAGE, len(memory) - offset)
        if runs and runs[-1][0] + runs[-1][1] == offset:
            runs[-1][1] += length
        else:
            runs.append([offset, length])
    return b"".join(memory[start:start + length] for start, length in runs), runs


def make(vendor: Path, wheel: Path, wheel_sha256: str) -> bool:
    """Write snapshot.bin and snapshot.json into `vendor`; False (with a warning) when Node cannot."""
    node = shutil.which("node")
    if node is None:
        print("snapshot: node not found; the checker will boot without a snapshot", file=sys.stderr)
        return False
    proc = subprocess.run([node, str(MAKER), str(vendor), wheel.name, str(vendor / SNAPSHOT)],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        print(f"snapshot: not made ({proc.stderr.strip()[-500:]}); the checker will boot without one",
              file=sys.stderr)
        (vendor / SNAPSHOT).unlink(missing_ok=True)
        return False
    made = json.loads(proc.stdout.strip().splitlines()[-1])
    memory = (vendor / SNAPSHOT).read_bytes()
    packed, runs = pack(memory)
    (vendor / SNAPSHOT).write_bytes(packed)
    meta = {
        "pyodide": made["pyodide"],
        "wheel_sha256": wheel_sha256,
        "stdlib_sha256": hashlib.sha256((vendor / STDLIB).read_bytes()).hexdigest(),
        "snapshot_sha256": hashlib.sha256(packed).hexdigest(),
        "memory_bytes": len(memory),
        "runs": runs,
    }
    (vendor / SNAPSHOT_META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return True
