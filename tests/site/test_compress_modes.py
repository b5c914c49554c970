"""Pre-compressed copies are as readable as their originals (issue 21 finding 2)."""

from __future__ import annotations

import os
import stat

from site_build.finish.compress import compress_file


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_and_already_fresh_copies_get_the_originals_mode(tmp_path):
    """issue 21 finding 2: every .br/.gz was 0600, and a copy an older build wrote is never stale, so a
    fixed writer alone would leave it unreadable to nginx's www-data workers for ever."""
    original = tmp_path / "pyodide.asm.mjs"
    original.write_text("export const x = 1;\n" * 500)
    original.chmod(0o644)
    compress_file(original)
    assert {mode(tmp_path / n) for n in ("pyodide.asm.mjs.br", "pyodide.asm.mjs.gz")} == {0o644}
    for suffix in (".br", ".gz"):           # what the old writer left behind, still fresh
        (tmp_path / f"pyodide.asm.mjs{suffix}").chmod(0o600)
    os.utime(original, (1, 1))
    compress_file(original)
    assert {mode(tmp_path / n) for n in ("pyodide.asm.mjs.br", "pyodide.asm.mjs.gz")} == {0o644}
