"""The checker's Pyodide memory snapshot, made at build time in Node (site_build/make_snapshot.mjs).

Restoring it in the worker skips Python's start-up and the checker's import (≈3 s → ≈0.5 s on the
test machine). Beside `snapshot.bin` goes `snapshot.json`: the Pyodide version that made it and the
sha256 of the checker wheel that was imported. The worker restores the snapshot only when both match
the runtime it loaded and the wheel the lock pins; otherwise, or when restoring fails, it boots normally.
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
    meta = {
        "pyodide": made["pyodide"],
        "wheel_sha256": wheel_sha256,
        "snapshot_sha256": hashlib.sha256((vendor / SNAPSHOT).read_bytes()).hexdigest(),
    }
    (vendor / SNAPSHOT_META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return True
