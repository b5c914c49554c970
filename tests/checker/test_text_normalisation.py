"""Free text as people type it (issue 21, finding 5): full-width and no-break spaces, tabs, zero-width
characters and soft hyphens are what an IME or a paste produces; the checker reads them as the plain form."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker import check
from fuzz_corpus import TYPED_ANSWERS, TYPED_TEXT
from test_cli_contract import run_main

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("typed, plain", TYPED_TEXT, ids=[ascii(t) for t, _ in TYPED_TEXT])
def test_typed_text_is_accepted_and_read_as_its_plain_form(typed, plain):
    """issue 21 finding 5: 「申报专业」含有无法识别的字符 for "软件　工程" (U+3000), NBSP, U+2002, tab, ZWJ,
    soft hyphen; leading/trailing U+3000 refused because isprintable() ran before strip()."""
    code, out, err = run_main(json.dumps({**TYPED_ANSWERS, "specialty": typed}).encode(), "--json")
    assert code == 0 and err == "", out
    assert json.loads(out) == check({**TYPED_ANSWERS, "specialty": plain})


def test_the_plain_form_of_computer_still_matches_the_exclusion():
    # 2023-manufacturing 一（三）: 计算机 junior is 以考代评 and excluded; a typed variant must be too.
    verdicts = {check({**TYPED_ANSWERS, "specialty": typed})["verdict"] for typed, plain in TYPED_TEXT
                if "".join(plain.split()) == "计算机"}
    assert verdicts == {"ineligible"}


@pytest.mark.parametrize("hostile", ["\u202e计算机", "计算机\x00", "\x1b[31m计算机", "计\ud800算机"])
def test_control_bidi_and_surrogates_are_still_refused(hostile):
    code, out, _ = run_main(json.dumps({**TYPED_ANSWERS, "specialty": hostile}).encode(), "--json")
    assert code == 2
    assert [e["message"] for e in json.loads(out)["errors"]] == ["「申报专业」含有无法识别的字符，请重新输入。"]


def test_a_real_process_accepts_an_ideographic_space():
    proc = subprocess.run([sys.executable, "-m", "checker"], cwd=REPO, capture_output=True, timeout=60,
                          input=json.dumps({**TYPED_ANSWERS, "specialty": "\u3000计算机\u3000"}).encode())
    assert proc.returncode == 0 and proc.stderr == b""
    assert "计算机" in proc.stdout.decode("utf-8")


def test_the_translation_table_covers_every_character_that_changes():
    # normalise_text translates through a table built from a few ranges (import time in Pyodide);
    # a character outside them that the rules would change would silently stay as typed.
    from checker import answers

    changed = [hex(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000
               and answers._plain(chr(c)) != chr(c) and c not in answers._PLAIN]
    assert changed == []
