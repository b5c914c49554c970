"""Vendor Pyodide and the checker wheel into the built site (the finishing step, site_build/finish/__init__.py).

The browser checker runs the real `checker/` package in Pyodide. At build time this
1. builds the checker as a pure-Python wheel (`pip wheel --no-deps`),
2. copies the five Pyodide runtime files from node_modules/pyodide (pinned in package-lock.json),
   the standard library re-packed without per-file compression (the same files: deflated one by one
   it barely shrinks on the wire; stored, the whole zip brotli-compresses to 1.8 MB instead of 2.5),
   then cut to the files a checker run reads (site_build/stdlib_cut.py),
3. registers the wheel in the copied pyodide-lock.json with `pyodide lockfile add-wheels`, so
   `loadPyodide({packages: ["yzt-checker"]})` fetches it from the same folder with its sha256 checked,
   then trims the lock to that package and what it depends on (the stock lock lists 357 CDN packages),
4. makes a memory snapshot in Node with the checker imported and its rules loaded (site_build/finish/snapshot.py),
5. pre-compresses the files (.br/.gz, site_build/finish/compress.py) once, here, not on every build,
and copies the result to `site/assets/pyodide/<input hash>/`: the folder name changes whenever any
byte in it can change, so the web server may cache it for a year. Nothing here is committed.

`mkdocs serve` rebuilds often and the wheel takes seconds to build, so the vendored folder is cached
under build/pyodide/<input hash>/ and only rebuilt when the checker, its rules or Pyodide change.
`vendor_dir()` is also what the Pyodide parity test and the bench use, so they run the same files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path


REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # loaded by mkdocs as a hook file, not as a package module
    sys.path.append(str(REPO_ROOT))

from site_build.finish import compress, snapshot, stdlib_cut  # noqa: E402

PYODIDE_SRC = REPO_ROOT / "node_modules" / "pyodide"
CHECKER_DIR = REPO_ROOT / "checker"
RULES_JSON = CHECKER_DIR / "data" / "rules.json"
POLICY_DIR = REPO_ROOT / "policy_data"
CACHE_ROOT = REPO_ROOT / "build" / "pyodide"
# The runtime's .br/.gz by content hash: the wasm rarely changes while the checker does (compress.py).
COMPRESSED_CACHE = REPO_ROOT / "build" / "compressed-runtime"
SITE_SUBDIR = Path("assets") / "pyodide"
# Code that shapes the cached folder: a change to it must give a new folder (and a new URL).
BUILD_CODE = [Path(__file__), REPO_ROOT / "site_build" / "finish" / "snapshot.py", REPO_ROOT / "site_build" / "finish" / "make_snapshot.mjs",
              REPO_ROOT / "site_build" / "finish" / "compress.py", REPO_ROOT / "site_build" / "finish" / "stdlib_cut.py",
              REPO_ROOT / "site_build" / "finish" / "stdlib_usage.mjs", *stdlib_cut.INPUTS]
PACKAGE_NAME = "yzt-checker"  # [project].name in pyproject.toml: what loadPyodide({packages}) asks for

# What the browser needs: the ES-module loader (the worker imports it), the runtime, the stdlib, the lockfile.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
STDLIB = "python_stdlib.zip"


class VendorError(Exception):
    """The vendored runtime cannot be produced; the message says what to do."""


def _checker_inputs() -> list[Path]:
    files = [REPO_ROOT / "pyproject.toml", REPO_ROOT / "package-lock.json"]
    files += sorted(p for p in CHECKER_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    files += [PYODIDE_SRC / name for name in PYODIDE_FILES]
    return files + BUILD_CODE


def _check_inputs() -> None:
    if not PYODIDE_SRC.is_dir() or not (PYODIDE_SRC / "package.json").is_file():
        raise VendorError(
            "node_modules/pyodide 不存在：浏览器检查工具需要它。请先运行 scripts/setup（它会执行 npm ci）。"
            " (node_modules/pyodide is missing: run scripts/setup)"
        )
    missing = [name for name in PYODIDE_FILES if not (PYODIDE_SRC / name).is_file()]
    if missing:
        raise VendorError(
            f"node_modules/pyodide 缺少文件 {', '.join(missing)}：请重新运行 scripts/setup（npm ci）。"
        )
    if not (CHECKER_DIR / "__init__.py").is_file():
        raise VendorError("checker/__init__.py 不存在：无法打包检查程序。")
    if not RULES_JSON.is_file():
        raise VendorError(
            "checker/data/rules.json 不存在：请先运行 scripts/setup"
            "（或 .venv/bin/python -m policy_build compile）生成规则。"
        )


def refresh_rules() -> None:
    """Recompile checker/data/rules.json when policy_data/ changed after it (e.g. under mkdocs serve),
    so the shipped wheel never carries stale rules."""
    if not RULES_JSON.is_file():
        return
    built = RULES_JSON.stat().st_mtime
    if any(p.stat().st_mtime > built for p in POLICY_DIR.rglob("*") if p.is_file()):
        _run([sys.executable, "-m", "policy_build", "compile"], "编译规则 (python -m policy_build compile)")


def input_hash() -> str:
    digest = hashlib.sha256()
    for path in _checker_inputs():
        digest.update(str(path.relative_to(REPO_ROOT)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


# The wheel's zip entries carry this date instead of each file's mtime (the wheel package honours
# SOURCE_DATE_EPOCH), so one commit gives one wheel (and one sha256 in the lock) in every checkout.
# (The memory snapshot still differs from build to build: its sha256 in snapshot.json is what the
# worker checks.)
REPRODUCIBLE = {"SOURCE_DATE_EPOCH": "315532800"}  # 1980-01-01, the earliest date a zip entry holds


def _run(cmd: list[str], what: str) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO_ROOT, env={**os.environ, **REPRODUCIBLE})
    if proc.returncode != 0:
        raise VendorError(f"{what} 失败 (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")


def _build_wheel(out_dir: Path) -> Path:
    # Build from a clean copy: setuptools reuses a build/lib folder, which would ship deleted modules.
    with tempfile.TemporaryDirectory(prefix="yzt-wheel-") as tmp:
        staging = Path(tmp) / "src"
        staging.mkdir()
        shutil.copy2(REPO_ROOT / "pyproject.toml", staging / "pyproject.toml")
        shutil.copytree(CHECKER_DIR, staging / "checker", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        _run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
             "-w", str(out_dir), str(staging)],
            "打包检查程序 (pip wheel)",
        )
    wheels = sorted(out_dir.glob("*.whl"))
    if len(wheels) != 1:
        raise VendorError(f"pip wheel 应产生一个 wheel，实际得到：{[w.name for w in wheels]}")
    return wheels[0]


def _pyodide_cli() -> str:
    cli = Path(sys.executable).with_name("pyodide")
    if not cli.is_file():
        raise VendorError("找不到 pyodide 命令（pyodide-build）：请运行 scripts/setup 安装 requirements.txt。")
    return str(cli)


def _assemble(target: Path) -> None:
    target.mkdir(parents=True)
    for name in PYODIDE_FILES:
        shutil.copy2(PYODIDE_SRC / name, target / name)
    _store_uncompressed(target / STDLIB)
    wheel = _build_wheel(target)
    lock = target / "pyodide-lock.json"
    _run(
        [_pyodide_cli(), "lockfile", "add-wheels", "--input", str(lock), "--output", str(lock),
         "--base-path", str(target), str(wheel)],
        "登记 wheel (pyodide lockfile add-wheels)",
    )
    packages = json.loads(lock.read_text(encoding="utf-8"))["packages"]
    entry = packages.get(PACKAGE_NAME)
    if not entry or entry.get("file_name") != wheel.name:
        raise VendorError(f"pyodide-lock.json 没有登记 {PACKAGE_NAME} ({wheel.name})")
    _trim_lock(lock)
    keep = stdlib_cut.used_files(target, wheel.name)
    if keep is not None:
        stdlib_cut.cut(target / STDLIB, keep)
    snapshot.make(target, wheel, entry["sha256"])  # from the cut zip: the heap holds offsets into it
    compress.compress_tree(target, COMPRESSED_CACHE)


def _store_uncompressed(archive: Path) -> None:
    """Rewrite a zip with every member stored, in the same order with the same names and dates."""
    stored = archive.with_name(archive.name + ".tmp")
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as out:
        for member in source.infolist():
            out.writestr(member, source.read(member), compress_type=zipfile.ZIP_STORED)
    os.replace(stored, archive)


def _trim_lock(lock: Path) -> None:
    """Keep only the checker and its dependency closure: the browser parses the lock on every boot."""
    data = json.loads(lock.read_text(encoding="utf-8"))
    packages, keep, todo = data["packages"], set(), [PACKAGE_NAME]
    while todo:
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo += packages[name].get("depends", [])
    data["packages"] = {name: packages[name] for name in sorted(keep)}
    lock.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def vendor_dir(rules_current: bool = False) -> Path:
    """Return the cached folder holding the Pyodide files + the checker wheel, building it if needed.
    `rules_current`: the caller has just written rules.json from policy_data/ (the site build), so
    there is nothing to refresh; other callers (tests, benches) get it recompiled when stale."""
    _check_inputs()
    if not rules_current:
        refresh_rules()
    key = input_hash()
    target = CACHE_ROOT / key
    if (target / ".complete").is_file():
        return target
    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f"{key}-", dir=CACHE_ROOT))
    partial.rmdir()
    try:
        _assemble(partial)
        (partial / ".complete").write_text(key, encoding="utf-8")
        try:
            partial.rename(target)
        except OSError:  # a concurrent build finished first: its copy is identical
            shutil.rmtree(partial, ignore_errors=True)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    for old in CACHE_ROOT.iterdir():  # keep the cache to one entry
        if old.is_dir() and old.name != key and (old / ".complete").is_file():
            shutil.rmtree(old, ignore_errors=True)
    return target


def copy_into(site_dir: Path, source: Path) -> Path:
    """Hard-link the vendored folder `source` to site/assets/pyodide/<input hash>/ and return that folder."""
    parent = site_dir / SITE_SUBDIR
    if parent.exists():
        shutil.rmtree(parent)
    dest = parent / source.name
    dest.mkdir(parents=True)
    for item in source.iterdir():
        if item.name.startswith("."):
            continue
        try:
            os.link(item, dest / item.name)  # same filesystem: no 13 MB copy per rebuild
        except OSError:
            shutil.copy2(item, dest / item.name)
    return dest


if __name__ == "__main__":  # `python site_build/finish/pyodide_vendor.py` prints the vendored folder
    try:
        print(vendor_dir())
    except VendorError as exc:
        sys.exit(str(exc))
