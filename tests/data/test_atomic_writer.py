"""The one atomic writer every build step uses: readable modes, no symlink or special file replaced."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from policy_build.atomic import NotRegularFile, write_bytes_atomic, write_text_atomic

REPO = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask():
    """Set the process umask for one test and put the old one back."""
    saved = os.umask(0o022)
    yield os.umask
    os.umask(saved)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_a_new_file_gets_the_mode_open_would_give(tmp_path, umask, mask, expected):
    """issue 21 finding 2: mkstemp's 0600 made every .br/.gz and rules.json unreadable to nginx's
    www-data workers; a new file must get 0666 minus the umask, as a plain open() would."""
    umask(mask)
    target = tmp_path / "sub" / "rules.json"
    write_text_atomic(target, "{}")
    plain = tmp_path / "plain"
    plain.write_text("x")
    assert mode(target) == expected == mode(plain)
    assert target.read_text() == "{}"


def test_an_existing_files_mode_is_kept(tmp_path, umask):
    """issue 21 finding 2: replacing a file keeps the mode its owner gave it."""
    umask(0o022)
    target = tmp_path / "page.html.br"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o640


def test_a_symlink_is_refused_not_replaced(tmp_path):
    """issue 21 finding 9: `compile --out` onto a symlink replaced the link with a file."""
    real = tmp_path / "real.json"
    real.write_text("keep")
    link = tmp_path / "rules.json"
    link.symlink_to(real)
    with pytest.raises(NotRegularFile, match="rules.json"):
        write_text_atomic(link, "{}")
    assert link.is_symlink() and real.read_text() == "keep"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_fifo_or_folder_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()
    for name in ("pipe", "folder"):
        with pytest.raises(NotRegularFile, match=name):
            write_text_atomic(tmp_path / name, "x")


def test_compile_onto_a_symlink_says_so_in_one_line_and_keeps_the_link(tmp_path):
    """issue 21 finding 9: `python -m policy_build compile --out LINK` replaced the link."""
    real = tmp_path / "real.json"
    real.write_text("keep")
    link = tmp_path / "rules.json"
    link.symlink_to(real)
    proc = subprocess.run([sys.executable, "-m", "policy_build", "compile", "--out", str(link)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert str(link) in proc.stderr and "符号链接" in proc.stderr
    assert link.is_symlink() and real.read_text() == "keep"
