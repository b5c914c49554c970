"""Pre-compressed copies (`name.br`, `name.gz`) next to every compressible file of the built site.

nginx serves them with `brotli_static` / `gzip_static` (deploy/nginx.conf), so no CPU is spent per
request and the best settings can be used once. A copy is kept only when it saves at least 5 %
(the checker wheel, a deflated zip, is left alone; the standard library, re-packed stored, is not).
Files already compressed and unchanged since are skipped, so the big Pyodide files are compressed
once, in their cache folder (site_build/finish/pyodide_vendor.py), and kept by content hash in
build/compressed-runtime/ (a new checker does not recompress the unchanged wasm). The site's own files
are rewritten by every build, so their compressed bytes are kept in build/compressed/ under the sha256
of what they compress: brotli at quality 11 spends ≈ 5 s CPU on the ≈ 85 files, and a build changes few.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import stat
from pathlib import Path

import brotli

from policy_build.atomic import write_bytes_atomic

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".map", ".wasm", ".bin", ".svg",
                ".xml", ".ics", ".txt", ".zip"}  # .zip: the stored standard library (pyodide_vendor)
# Above this (the wasm, the snapshot, the standard library), brotli gets a 16 MB window as well as quality 11:
# issue 21 measured −1.2 MB on the wire for the three, at ≈ 80 s of CPU — paid once per content, since
# the Pyodide folder's copies are cached by content hash too (pyodide_vendor.COMPRESSED_CACHE).
BIG = 1024 * 1024
BIG_WINDOW = 24
MIN_SAVING = 0.05


ENCODERS = {
    ".br": lambda raw: brotli.compress(raw, quality=11, lgwin=BIG_WINDOW if len(raw) > BIG else 22),
    ".gz": lambda raw: gzip.compress(raw, compresslevel=9, mtime=0),
}


def compress_file(path: Path, cache: "EncodedCache | None" = None) -> None:
    stale = [suffix for suffix in ENCODERS if not _fresh(path.with_name(path.name + suffix), path)]
    if not stale:      # the hard-linked Pyodide files on every rebuild: nothing to read
        _same_mode_as(path)
        return
    _compress_stale(path, stale, cache)
    _same_mode_as(path)


def _same_mode_as(path: Path) -> None:
    """A compressed copy is exactly as readable as its original: copies an older build wrote 0600
    (issue 21 finding 2) are never stale, so their mode is put right here, not by a rewrite."""
    mode = stat.S_IMODE(path.stat().st_mode)
    for suffix in ENCODERS:
        out = path.with_name(path.name + suffix)
        if out.is_file() and not out.is_symlink() and stat.S_IMODE(out.stat().st_mode) != mode:
            out.chmod(mode)


def _compress_stale(path: Path, stale: list[str], cache: "EncodedCache | None") -> None:
    raw = path.read_bytes()
    for suffix in stale:
        out = path.with_name(path.name + suffix)
        packed = cache.encoded(raw, suffix) if cache else ENCODERS[suffix](raw)
        if len(packed) <= len(raw) * (1 - MIN_SAVING):
            write_bytes_atomic(out, packed)
            os.utime(out, (path.stat().st_atime, path.stat().st_mtime))  # same Last-Modified as the original
        else:
            out.unlink(missing_ok=True)


def _fresh(out: Path, original: Path) -> bool:
    return out.is_file() and out.stat().st_mtime >= original.stat().st_mtime


class EncodedCache:
    """Compressed bytes by the sha256 of the original and the encoding; entries a whole tree did not use
    are removed afterwards (`prune`), so the folder holds one build's worth."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()

    def encoded(self, raw: bytes, suffix: str) -> bytes:
        name = hashlib.sha256(raw).hexdigest() + suffix
        self.used.add(name)
        try:
            return (self.folder / name).read_bytes()
        except OSError:      # not there yet (or pruned by a concurrent build): encode it
            packed = ENCODERS[suffix](raw)
            write_bytes_atomic(self.folder / name, packed)
            return packed

    def prune(self) -> None:
        for entry in self.folder.glob("*"):
            if entry.name not in self.used:
                entry.unlink(missing_ok=True)


def compress_tree(root: Path, cache_folder: Path | None = None) -> None:
    if cache_folder:
        cache_folder.mkdir(parents=True, exist_ok=True)
    cache = EncodedCache(cache_folder) if cache_folder else None
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in COMPRESSIBLE:
            compress_file(path, cache)
    if cache:
        cache.prune()
