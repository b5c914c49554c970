"""The standard library the page ships holds only what the checker reads (issue 21: 9.7 MB → ≈ 1.7 MB
raw, 1.79 MB → ≈ 0.6 MB brotli on the wire).

Which files: not a hand list but a run in real Pyodide (site_build/finish/stdlib_usage.mjs, Node) with the full
zip: boot, install the wheel both ways the browser can (from the lock; unpacked, as the snapshot maker
does), check_json over every golden case and the fuzz corpus, one formatted Python exception; every
module then in sys.modules that came from the zip is kept (what Pyodide needs to boot included). The
memory snapshot is made afterwards from the cut zip, which snapshot.json records by sha256.
The golden cases and the fuzz corpus are inputs of the vendored folder's hash (pyodide_vendor), so a
new case that imports more gets a new zip. Without Node the full zip is kept (with a warning).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
USAGE = Path(__file__).with_name("stdlib_usage.mjs")
GOLDEN = tuple(sorted((REPO_ROOT / "policy_data" / "notices").glob("*/golden_cases.yaml")))  # each notice's
FUZZ_CORPUS = REPO_ROOT / "tests" / "fuzz_corpus.py"
FUZZ_SEED, FUZZ_COUNT = 1410, 10_000  # tests/pyodide/test_fuzz.py runs the same inputs
INPUTS = (*GOLDEN, FUZZ_CORPUS)  # what decides the cut, besides the checker itself


def _answer_texts() -> list[str]:
    texts = []
    for golden in GOLDEN:
        data = yaml.safe_load(golden.read_text(encoding="utf-8"))
        cases = data["cases"] if isinstance(data, dict) else data
        texts += [json.dumps(case["answers"], ensure_ascii=False, sort_keys=True, default=str) for case in cases]
    spec = importlib.util.spec_from_file_location("yzt_fuzz_corpus", FUZZ_CORPUS)
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    return texts + [data.decode("utf-8", "replace") for data in corpus.fuzz_inputs(seed=FUZZ_SEED, count=FUZZ_COUNT)]


def used_files(vendor: Path, wheel_name: str) -> list[str] | None:
    """Paths inside python_stdlib.zip that the run loaded; None when Node cannot run it."""
    node = shutil.which("node")
    if node is None:
        print("stdlib: node not found; shipping the whole standard library", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory(prefix="yzt-stdlib-") as tmp:
        inputs = Path(tmp) / "inputs.json"
        inputs.write_text(json.dumps(_answer_texts(), ensure_ascii=False), encoding="utf-8")
        proc = subprocess.run([node, str(USAGE), str(vendor), wheel_name, str(inputs)],
                              capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        print(f"stdlib: usage run failed ({proc.stderr.strip()[-500:]}); shipping the whole standard library",
              file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cut(archive: Path, keep: list[str]) -> None:
    """Rewrite the (stored) zip with only `keep` and the folders holding them, in the original order."""
    wanted = set(keep)
    folders = {name[:i + 1] for name in wanted for i, ch in enumerate(name) if ch == "/"}
    out = archive.with_name(archive.name + ".cut")
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        missing = wanted - set(source.namelist())
        if missing:
            raise ValueError(f"the usage run names files the zip does not hold: {sorted(missing)[:5]}")
        for member in source.infolist():
            if member.filename in wanted or member.filename in folders:
                target.writestr(member, source.read(member), compress_type=zipfile.ZIP_STORED)
    os.replace(out, archive)
