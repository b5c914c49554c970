"""The one Jinja2 environment every generated page is rendered with."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape

from checker.phrasing import fee_grade_text
from checker.vocabulary import document_name
from policy_build.clause_labels import clause_label
from policy_build.urls import clause_url, office_anchor, reference_url

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Compiled templates survive between builds (keyed by each template's source checksum, so an
# edit recompiles it): a build compiles only what changed. Gitignored with the rest of build/.
BYTECODE_CACHE = Path(__file__).resolve().parents[2] / "build" / "jinja"


def bytecode_cache() -> FileSystemBytecodeCache:
    BYTECODE_CACHE.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(BYTECODE_CACHE))


@lru_cache(maxsize=1)
def page_environment() -> Environment:
    """Templates in site_build/generate/templates/; StrictUndefined so a missing data field fails the build.
    One environment per process, so each template is compiled once (its cache checks the file's
    mtime, so `mkdocs serve` still picks up template edits). A cited document is named as the checker
    names it (the `document_name` filter); links, clause labels and fee words come from the functions
    everything else uses (the globals below), not from copies on `site`."""
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=bytecode_cache(),
        autoescape=select_autoescape(enabled_extensions=("j2",), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["document_name"] = document_name
    environment.globals.update(clause_url=clause_url, office_anchor=office_anchor, reference_url=reference_url,
                               clause_label=clause_label, fee_grade_text=fee_grade_text)
    return environment
