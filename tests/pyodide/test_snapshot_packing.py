"""The memory snapshot ships packed (site_build/finish/snapshot.py: only the heap's non-zero 4 KiB pages) and is
unpacked in the browser by docs/assets/checker/snapshot_memory.js. Packing in Python and unpacking with
that same JS module must give back the heap byte for byte — a page off and Pyodide restores garbage."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from site_build.finish.snapshot import PAGE, pack

REPO_ROOT = Path(__file__).resolve().parents[2]
UNPACKER = REPO_ROOT / "docs" / "assets" / "checker" / "snapshot_memory.js"
ROUND_TRIP = """
import { readFileSync, writeFileSync } from "node:fs";
import { unpackSnapshot } from %s;
const [packed, meta, out] = process.argv.slice(2);
try {
  writeFileSync(out, unpackSnapshot(new Uint8Array(readFileSync(packed)), JSON.parse(readFileSync(meta, "utf8"))));
} catch (error) {
  console.log("refused: " + error.message);
}
"""


def heap(seed: int) -> bytes:
    """A heap like Pyodide's: data, long zero stretches, a last partial page, a lone non-zero byte."""
    rng = random.Random(seed)
    memory = bytearray(PAGE * 40 + 123)
    for start, length in ((0, PAGE * 3 + 17), (PAGE * 10 + 5, 900), (PAGE * 25, PAGE * 6)):
        memory[start:start + length] = rng.randbytes(length)
    memory[-1] = 7
    return bytes(memory)


def unpack_in_node(tmp_path: Path, packed: bytes, meta: dict) -> bytes | str:
    if shutil.which("node") is None:
        pytest.fail("node is required (run scripts/setup)")
    script = tmp_path / "round_trip.mjs"
    script.write_text(ROUND_TRIP % json.dumps(UNPACKER.as_uri()), encoding="utf-8")
    (tmp_path / "packed.bin").write_bytes(packed)
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    out = tmp_path / "memory.bin"
    proc = subprocess.run(["node", str(script), str(tmp_path / "packed.bin"), str(tmp_path / "meta.json"), str(out)],
                          capture_output=True, text=True, timeout=60, check=True)
    return proc.stdout.strip() if proc.stdout.strip() else out.read_bytes()


def test_packing_drops_the_zero_pages_and_unpacking_restores_the_heap(tmp_path):
    memory = heap(1)
    packed, runs = pack(memory)
    assert len(packed) < len(memory) / 2
    assert unpack_in_node(tmp_path, packed, {"memory_bytes": len(memory), "runs": runs}) == memory


def test_a_snapshot_file_that_does_not_match_its_list_is_refused(tmp_path):
    # The worker then boots normally (tests/browser/test_checker_loading.py shows the fallback).
    memory = heap(2)
    packed, runs = pack(memory)
    refused = unpack_in_node(tmp_path, packed[:-PAGE], {"memory_bytes": len(memory), "runs": runs})
    assert isinstance(refused, str) and refused.startswith("refused: snapshot.bin has")
