"""The standard library the page ships is cut to what a checker run reads (site_build/finish/stdlib_cut.py), and
the memory snapshot is made from that same zip (issue 21). The parity tests beside this one run every
golden case on the cut zip, by normal boot and by snapshot restore."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from site_build.finish import stdlib_cut
from site_build.finish.pyodide_vendor import PYODIDE_SRC, STDLIB, vendor_dir


def test_the_shipped_standard_library_holds_only_what_a_check_reads():
    """issue 21 (fewer bytes): the shipped zip was the whole standard library, 9.7 MB; a check reads ≈ 160
    of its modules. Pyodide's own boot modules and the checker's imports must be among those kept."""
    shipped = set(zipfile.ZipFile(vendor_dir() / STDLIB).namelist())
    stock = set(zipfile.ZipFile(PYODIDE_SRC / STDLIB).namelist())
    assert shipped < stock
    modules = {name for name in shipped if name.endswith(".py")}
    assert 100 < len(modules) < 300, len(modules)
    assert {"json/__init__.py", "datetime.py", "re/__init__.py", "pyodide/__init__.py", "_pyodide/__init__.py",
            "encodings/utf_8.py", "zipfile/__init__.py"} <= modules
    unpacked = sum(info.file_size for info in zipfile.ZipFile(PYODIDE_SRC / STDLIB).infolist())  # stock: deflated
    assert (vendor_dir() / STDLIB).stat().st_size < unpacked / 2


def test_snapshot_json_records_the_zip_and_the_snapshot_it_was_made_with():
    """issue 21 finding 6 and the cut: the snapshot holds offsets into the zip it was made from, and the
    worker checks both sha256 values before restoring."""
    folder = vendor_dir()
    meta = json.loads((folder / "snapshot.json").read_text(encoding="utf-8"))
    assert meta["stdlib_sha256"] == hashlib.sha256((folder / STDLIB).read_bytes()).hexdigest()
    assert meta["snapshot_sha256"] == hashlib.sha256((folder / "snapshot.bin").read_bytes()).hexdigest()


def test_cut_keeps_the_listed_files_and_their_folders_in_order(tmp_path):
    archive = tmp_path / "lib.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for name in ("a.py", "pkg/", "pkg/__init__.py", "pkg/sub/", "pkg/sub/m.py", "other/", "other/x.py", "z.py"):
            out.writestr(name, "" if name.endswith("/") else f"# {name}\n")
    stdlib_cut.cut(archive, ["z.py", "pkg/sub/m.py", "pkg/__init__.py"])
    with zipfile.ZipFile(archive) as cut:
        assert cut.namelist() == ["pkg/", "pkg/__init__.py", "pkg/sub/", "pkg/sub/m.py", "z.py"]
        assert cut.read("pkg/sub/m.py") == b"# pkg/sub/m.py\n"
        assert all(info.compress_type == zipfile.ZIP_STORED for info in cut.infolist())


def test_cut_refuses_a_file_the_zip_does_not_hold(tmp_path):
    archive = tmp_path / "lib.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.py", "")
    with pytest.raises(ValueError, match="does not hold"):
        stdlib_cut.cut(archive, ["a.py", "missing.py"])
